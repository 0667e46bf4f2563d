package io.lormas.node.command;

import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The node_server table: which servers deploy-service sent commands for to which node. */
@Mapper
interface NodeServers {

    @Insert("""
            insert into node_server (node_id, server_id) values (#{nodeId}, #{serverId})
            on conflict do nothing
            """)
    void remember(@Param("nodeId") UUID nodeId, @Param("serverId") String serverId);

    @Select("select server_id from node_server where node_id = #{nodeId}")
    List<String> of(@Param("nodeId") UUID nodeId);
}
