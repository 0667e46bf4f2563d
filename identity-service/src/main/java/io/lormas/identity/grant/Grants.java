package io.lormas.identity.grant;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Per-resource grants, their permissions, and who owns the resources (a projection of other services' events). */
@Mapper
public interface Grants {

    @Select("""
            select * from resource_grant
             where resource_type = #{type} and resource_id = #{resourceId} and user_id = #{userId}
            """)
    Optional<Grant> find(@Param("type") String type, @Param("resourceId") UUID resourceId, @Param("userId") UUID userId);

    @Select("select * from resource_grant where resource_type = #{type} and resource_id = #{resourceId} order by created_at")
    List<Grant> ofResource(@Param("type") String type, @Param("resourceId") UUID resourceId);

    @Select("select * from resource_grant where user_id = #{userId} order by created_at")
    List<Grant> ofUser(UUID userId);

    @Insert("""
            insert into resource_grant (id, user_id, resource_type, resource_id, granted_by)
            values (#{id}, #{userId}, #{resourceType}, #{resourceId}, #{grantedBy})
            """)
    void insert(Grant grant);

    @Update("""
            update resource_grant set granted_by = #{grantedBy}, updated_at = now(), version = version + 1
             where id = #{id}
            """)
    void touch(@Param("id") UUID id, @Param("grantedBy") UUID grantedBy);

    @Delete("delete from resource_grant where id = #{id}")
    void delete(UUID id);

    @Select("select permission from resource_grant_permission where grant_id = #{grantId} order by permission")
    List<String> permissionsOf(UUID grantId);

    @Delete("delete from resource_grant_permission where grant_id = #{grantId}")
    void clearPermissions(UUID grantId);

    @Insert("""
            <script>
            insert into resource_grant_permission (grant_id, permission) values
            <foreach collection="permissions" item="p" separator=",">(#{grantId}, #{p})</foreach>
            </script>
            """)
    void addPermissions(@Param("grantId") UUID grantId, @Param("permissions") Collection<String> permissions);

    @Select("select owner_id from resource_owner where resource_type = #{type} and resource_id = #{resourceId}")
    Optional<UUID> ownerOf(@Param("type") String type, @Param("resourceId") UUID resourceId);

    @Insert("""
            insert into resource_owner (resource_type, resource_id, owner_id) values (#{type}, #{resourceId}, #{ownerId})
            on conflict (resource_type, resource_id) do update set owner_id = excluded.owner_id, updated_at = now()
            """)
    void recordOwner(@Param("type") String type, @Param("resourceId") UUID resourceId, @Param("ownerId") UUID ownerId);

    @Delete("delete from resource_owner where resource_type = #{type} and resource_id = #{resourceId}")
    void forgetResource(@Param("type") String type, @Param("resourceId") UUID resourceId);
}
