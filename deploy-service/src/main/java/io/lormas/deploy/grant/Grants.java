package io.lormas.deploy.grant;

import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The grant projection: one row per (subuser, resource). */
@Mapper
interface Grants {

    @Insert("""
            insert into resource_grant (grant_id, user_id, resource_type, resource_id, permissions, granted_by)
            values (#{grantId}, #{userId}, #{resourceType}, #{resourceId},
                    #{permissions,typeHandler=org.apache.ibatis.type.ArrayTypeHandler}, #{grantedBy})
            on conflict (user_id, resource_type, resource_id) do update
               set grant_id = excluded.grant_id, permissions = excluded.permissions,
                   granted_by = excluded.granted_by, updated_at = now()
            """)
    void upsert(@Param("grantId") UUID grantId, @Param("userId") UUID userId,
            @Param("resourceType") String resourceType, @Param("resourceId") UUID resourceId,
            @Param("permissions") String[] permissions, @Param("grantedBy") UUID grantedBy);

    @Delete("""
            delete from resource_grant
             where user_id = #{userId} and resource_type = #{resourceType} and resource_id = #{resourceId}
            """)
    int delete(@Param("userId") UUID userId, @Param("resourceType") String resourceType,
            @Param("resourceId") UUID resourceId);

    @Select("""
            select unnest(permissions) from resource_grant
             where user_id = #{userId} and resource_type = #{resourceType} and resource_id = #{resourceId}
            """)
    List<String> permissionsOf(@Param("userId") UUID userId, @Param("resourceType") String resourceType,
            @Param("resourceId") UUID resourceId);

    @Delete("delete from resource_grant where resource_type = #{resourceType} and resource_id = #{resourceId}")
    int deleteAllOn(@Param("resourceType") String resourceType, @Param("resourceId") UUID resourceId);

    @Delete("delete from resource_grant where user_id = #{userId}")
    int deleteAllOf(UUID userId);
}
