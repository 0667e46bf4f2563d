package io.lormas.deploy.scheduler;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Placements taken but not yet confirmed by a committed server. */
@Mapper
interface Reservations {

    record Reservation(UUID serverId, UUID nodeId, long cpuMillis, long memoryMib, long diskMib, int ports) {
    }

    /**
     * Takes resources and ports on a node for a server, in one statement and its own transaction (function
     * {@code reserve_placement}, db/changelog/deploy/003): the ports taken, none when the node cannot take it.
     */
    @Select("""
            select ip, port from reserve_placement(#{serverId}, #{nodeId}, #{cpuMillis}, #{memoryMib}, #{diskMib}, #{ports})
            """)
    @Options(flushCache = Options.FlushCachePolicy.TRUE)
    List<io.lormas.contracts.deploy.ServerAllocation> reserve(Reservation reservation);

    /** Removes a reservation and returns it; empty when it was confirmed or released already. */
    @Select("""
            delete from placement_reservation where server_id = #{serverId}
            returning server_id, node_id, cpu_millis, memory_mib, disk_mib, ports
            """)
    @Options(flushCache = Options.FlushCachePolicy.TRUE)
    Optional<Reservation> take(UUID serverId);

    @Select("select server_id from placement_reservation where created_at < #{cutoff} order by created_at limit #{limit}")
    List<UUID> olderThan(@Param("cutoff") Instant cutoff, @Param("limit") int limit);

    @Delete("delete from allocation where server_id = #{serverId}")
    int deleteAllocations(UUID serverId);
}
