package io.lormas.deploy.activity;

import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.jspecify.annotations.Nullable;

/** The activity log, newest first (ids are UUIDv7, so id order is time order). */
@Mapper
interface Activities {

    @Insert("""
            insert into activity (id, server_id, owner_id, action, actor_type, actor_id, at, request_id, ip, details)
            values (#{id}, #{serverId}, #{ownerId}, #{action}, #{actorType}, #{actorId}, #{at}, #{requestId}, #{ip},
                    cast(#{details} as jsonb))
            """)
    void insert(ActivityEntry entry);

    @Select("""
            <script>
            select id, server_id, owner_id, action, actor_type, actor_id, at, request_id, ip, details::text as details
              from activity
             <where>
               <if test="serverId != null">server_id = #{serverId}</if>
               <if test="action != null">and action like #{action} || '%'</if>
               <if test="before != null">and id &lt; #{before}</if>
             </where>
             order by id desc
             limit #{limit}
            </script>
            """)
    List<ActivityEntry> page(@Param("serverId") @Nullable UUID serverId, @Param("action") @Nullable String action,
            @Param("before") @Nullable UUID before, @Param("limit") int limit);

    @Select("""
            select count(*) from activity
             where server_id is not distinct from #{serverId} and action = #{action}
               and details @> cast(#{details} as jsonb)
            """)
    long count(@Param("serverId") @Nullable UUID serverId, @Param("action") String action,
            @Param("details") String details);
}
