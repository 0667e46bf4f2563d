package io.lormas.deploy.scheduler;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import io.lormas.contracts.deploy.ServerAllocation;

/** Ports given to servers. The primary key (node, ip, port) makes a double allocation impossible. */
@Mapper
public interface Allocations {

    /** One allocation with its server (for lists). */
    record Row(UUID serverId, String ip, int port) {
    }

    @Insert("""
            insert into allocation (node_id, ip, port, server_id, position)
            values (#{nodeId}, #{ip}, #{port}, #{serverId}, #{position})
            """)
    void insert(@Param("nodeId") UUID nodeId, @Param("ip") String ip, @Param("port") int port,
            @Param("serverId") UUID serverId, @Param("position") int position);

    @org.apache.ibatis.annotations.Delete("delete from allocation where server_id = #{serverId}")
    int deleteOfServer(UUID serverId);

    @Select("select ip, port from allocation where server_id = #{serverId} order by position")
    List<ServerAllocation> ofServer(UUID serverId);

    @Select("""
            <script>
            select server_id, ip, port from allocation
             where server_id in <foreach collection="serverIds" item="id" open="(" separator="," close=")">#{id}</foreach>
             order by server_id, position
            </script>
            """)
    List<Row> ofServers(@Param("serverIds") Collection<UUID> serverIds);
}
