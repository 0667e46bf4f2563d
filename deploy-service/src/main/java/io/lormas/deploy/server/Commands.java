package io.lormas.deploy.server;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.jspecify.annotations.Nullable;

/** Issued agent commands. */
@Mapper
public interface Commands {

    @Insert("""
            insert into server_command (id, server_id, node_id, action, lifecycle_before, follow_up, status, issued_at)
            values (#{id}, #{serverId}, #{nodeId}, #{action}, #{lifecycleBefore}, #{followUp}, 'sent', #{issuedAt})
            """)
    void insert(CommandRow row);

    @Select("select * from server_command where id = #{id}")
    Optional<CommandRow> findById(UUID id);

    /**
     * Records the outcome once: a duplicate result (the agent answers a command id twice alike) changes nothing.
     *
     * @return 1 for the first result, 0 for a duplicate or an unknown command
     */
    @Update("""
            update server_command
               set status = #{status}, error_code = #{errorCode}, error_message = #{errorMessage}, completed_at = now()
             where id = #{id} and status in ('sent', 'timed_out')
            """)
    int complete(@Param("id") UUID id, @Param("status") String status, @Param("errorCode") @Nullable String errorCode,
            @Param("errorMessage") @Nullable String errorMessage);

    /** Open commands issued before the cutoff, oldest first, skipping rows other replicas hold. */
    @Select("""
            <script>
            select * from server_command
             where status = 'sent' and issued_at &lt; #{cutoff}
               and node_id in (select node_id from node where online)
               and action in
             <foreach collection="actions" item="a" open="(" separator="," close=")">#{a}</foreach>
             order by issued_at limit #{limit}
             for update skip locked
            </script>
            """)
    List<CommandRow> overdue(@Param("cutoff") Instant cutoff, @Param("actions") List<String> actions,
            @Param("limit") int limit);

    @Update("update server_command set status = 'timed_out', completed_at = now() where id = #{id} and status = 'sent'")
    int timeOut(UUID id);
}
