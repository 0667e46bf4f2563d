package io.lormas.deploy.node;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The node projection and the resources reserved on each node ({@code *_used}). They grow only through the
 * function {@code reserve_placement} (scheduler.Placements) and shrink through {@link #release}, in the
 * transaction that frees a server or gives back a reservation.
 */
@Mapper
public interface Nodes {

    String COLUMNS = """
            node_id, name, region, status, online, schedulable, maintenance, removed, cpu_millis, memory_mib, disk_mib,
            cpu_overallocation_percent, memory_overallocation_percent, disk_overallocation_percent, cpu_used,
            memory_used, disk_used, port_capacity, ports_used, port_ranges::text as port_ranges, labels::text as labels,
            session_epoch
            """;

    /** Facts from node-service; keeps presence and reservations. */
    @Insert("""
            insert into node (node_id, name, region, fqdn, cpu_millis, memory_mib, disk_mib, cpu_overallocation_percent,
                              memory_overallocation_percent, disk_overallocation_percent, port_ranges, port_capacity,
                              labels, status, schedulable, maintenance)
            values (#{nodeId}, #{name}, #{region}, #{fqdn}, #{cpuMillis}, #{memoryMib}, #{diskMib}, #{cpuOver},
                    #{memoryOver}, #{diskOver}, cast(#{portRanges} as jsonb), #{portCapacity}, cast(#{labels} as jsonb),
                    #{status}, #{schedulable}, #{maintenance})
            on conflict (node_id) do update
               set name = excluded.name, region = excluded.region, fqdn = excluded.fqdn,
                   cpu_millis = excluded.cpu_millis, memory_mib = excluded.memory_mib, disk_mib = excluded.disk_mib,
                   cpu_overallocation_percent = excluded.cpu_overallocation_percent,
                   memory_overallocation_percent = excluded.memory_overallocation_percent,
                   disk_overallocation_percent = excluded.disk_overallocation_percent,
                   port_ranges = excluded.port_ranges, port_capacity = excluded.port_capacity,
                   labels = excluded.labels, status = excluded.status, schedulable = excluded.schedulable,
                   maintenance = excluded.maintenance, removed = false, updated_at = now()
            """)
    void upsert(@Param("nodeId") UUID nodeId, @Param("name") String name, @Param("region") String region,
            @Param("fqdn") String fqdn, @Param("cpuMillis") long cpuMillis, @Param("memoryMib") long memoryMib,
            @Param("diskMib") long diskMib, @Param("cpuOver") int cpuOver, @Param("memoryOver") int memoryOver,
            @Param("diskOver") int diskOver, @Param("portRanges") String portRanges,
            @Param("portCapacity") int portCapacity, @Param("labels") String labels, @Param("status") String status,
            @Param("schedulable") boolean schedulable, @Param("maintenance") boolean maintenance);

    @Update("update node set removed = true, online = false, updated_at = now() where node_id = #{nodeId}")
    int markRemoved(UUID nodeId);

    /**
     * Marks the node online for a session; an older session's news changes nothing.
     *
     * @return 1 when the node is known and the session is not older than the last one seen
     */
    @Update("""
            update node set online = true, session_epoch = #{epoch}, updated_at = now(),
                   last_reconcile_requested_at = now()
             where node_id = #{nodeId} and session_epoch <= #{epoch} and not removed
            """)
    int markOnline(@Param("nodeId") UUID nodeId, @Param("epoch") long epoch);

    @Update("update node set online = false, updated_at = now() where node_id = #{nodeId}")
    int markOffline(UUID nodeId);

    @Select("select " + COLUMNS + " from node where not removed")
    List<NodeRow> findAll();

    @Select("select " + COLUMNS + " from node where node_id = #{nodeId}")
    Optional<NodeRow> findById(UUID nodeId);

    /** Gives back what a deleted server held. */
    @Update("""
            update node
               set cpu_used = greatest(cpu_used - #{cpu}, 0), memory_used = greatest(memory_used - #{memory}, 0),
                   disk_used = greatest(disk_used - #{disk}, 0), ports_used = greatest(ports_used - #{ports}, 0)
             where node_id = #{nodeId}
            """)
    int release(@Param("nodeId") UUID nodeId, @Param("cpu") long cpu, @Param("memory") long memory,
            @Param("disk") long disk, @Param("ports") int ports);

    @Update("update node set last_reconcile_requested_at = now() where node_id = #{nodeId}")
    void reconcileRequested(UUID nodeId);

    /** Online nodes not asked for their inventory since the cutoff; rows other replicas hold are skipped. */
    @Select("""
            select node_id from node
             where online and not removed
               and (last_reconcile_requested_at is null or last_reconcile_requested_at < #{cutoff})
             order by last_reconcile_requested_at nulls first
             limit #{limit}
             for update skip locked
            """)
    List<UUID> dueForReconcile(@Param("cutoff") java.time.Instant cutoff, @Param("limit") int limit);
}
