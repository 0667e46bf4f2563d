package io.lormas.deploy.server;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.jspecify.annotations.Nullable;

/** Servers. Changes go through {@link Server} and {@link #update}; rows are locked while changed. */
@Mapper
public interface Servers {

    String COLUMNS = """
            id, name, owner_id, egg_id, egg_version, plan_id, region, node_id, image, startup, cpu_millis, memory_mib,
            swap_mib, disk_mib, io_weight, port_count, lifecycle, suspended, suspension_reason, node_offline,
            pending_command_id, spec_changed, waits_for_ready, installed_at, restart_on_crash, crash_count,
            last_crash_at, next_restart_at, remove_data, created_at, updated_at, version
            """;

    /** The wire state in SQL, as {@link Server#state()} computes it. */
    String STATE = """
            case when lifecycle = 'deleting' then 'deleting' when suspended then 'suspended'
                 when node_offline then 'node_offline' else lifecycle end
            """;

    @Insert("""
            insert into server (id, name, owner_id, egg_id, egg_version, plan_id, region, node_id, image, startup,
                                cpu_millis, memory_mib, swap_mib, disk_mib, io_weight, port_count, lifecycle,
                                suspended, node_offline, pending_command_id, spec_changed, waits_for_ready,
                                restart_on_crash, created_at, updated_at)
            values (#{id}, #{name}, #{ownerId}, #{eggId}, #{eggVersion}, #{planId}, #{region}, #{nodeId}, #{image},
                    #{startup}, #{cpuMillis}, #{memoryMib}, #{swapMib}, #{diskMib}, #{ioWeight}, #{portCount},
                    #{lifecycle}, #{suspended}, #{nodeOffline}, #{pendingCommandId}, #{specChanged}, #{waitsForReady},
                    #{restartOnCrash}, #{createdAt}, #{updatedAt})
            """)
    void insert(ServerRow row);

    /** Stores the aggregate's state; the row was locked by {@link #findForUpdate}. */
    @Update("""
            update server
               set name = #{name}, image = #{image}, lifecycle = #{lifecycle}, suspended = #{suspended},
                   suspension_reason = #{suspensionReason}, node_offline = #{nodeOffline},
                   pending_command_id = #{pendingCommandId}, spec_changed = #{specChanged},
                   installed_at = #{installedAt}, restart_on_crash = #{restartOnCrash}, crash_count = #{crashCount},
                   last_crash_at = #{lastCrashAt}, next_restart_at = #{nextRestartAt}, remove_data = #{removeData},
                   updated_at = now(), version = version + 1
             where id = #{id} and version = #{version}
            """)
    int update(ServerRow row);

    @Delete("delete from server where id = #{id}")
    int delete(UUID id);

    @Select("select " + COLUMNS + " from server where id = #{id}")
    Optional<ServerRow> findById(UUID id);

    /** Locks the row until the transaction ends: changes of one server never interleave. */
    @Select("select " + COLUMNS + " from server where id = #{id} for update")
    Optional<ServerRow> findForUpdate(UUID id);

    @Select("select id from server where node_id = #{nodeId} order by id")
    List<UUID> idsOnNode(UUID nodeId);

    @Select("select id from server where owner_id = #{ownerId} order by id")
    List<UUID> idsOfOwner(UUID ownerId);

    /** Crashed servers whose automatic restart is due, a batch at a time, skipping rows other replicas hold. */
    @Select("""
            select id from server
             where next_restart_at <= #{now} and lifecycle = 'crashed' and not suspended and not node_offline
             order by next_restart_at
             limit #{limit}
             for update skip locked
            """)
    List<UUID> restartsDue(@Param("now") Instant now, @Param("limit") int limit);

    /**
     * A page of servers, newest first.
     *
     * @param viewer null for everybody (admins); otherwise servers owned by or granted to the viewer
     * @param ownerId only servers of this owner, when given
     */
    @Select("""
            <script>
            select\s""" + COLUMNS + """
              from server s
             <where>
               <if test="viewer != null">
                 (s.owner_id = #{viewer}
                  or s.id in (select g.resource_id from resource_grant g
                               where g.user_id = #{viewer} and g.resource_type = 'server'))
               </if>
               <if test="ownerId != null">and s.owner_id = #{ownerId}</if>
               <if test="state != null">and (""" + STATE + """
               ) = #{state}</if>
               <if test="before != null">and s.id &lt; #{before}</if>
             </where>
             order by s.id desc
             limit #{limit}
            </script>
            """)
    List<ServerRow> page(@Param("viewer") @Nullable UUID viewer, @Param("ownerId") @Nullable UUID ownerId,
            @Param("state") @Nullable String state, @Param("before") @Nullable UUID before, @Param("limit") int limit);
}
