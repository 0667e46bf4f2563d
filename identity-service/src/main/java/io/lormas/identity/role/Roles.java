package io.lormas.identity.role;

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

/** Roles, their permissions and who holds them. */
@Mapper
public interface Roles {

    @Select("select * from role order by system desc, name")
    List<Role> findAll();

    @Select("select * from role where id = #{id}")
    Optional<Role> findById(UUID id);

    @Select("select * from role where name = #{name}")
    Optional<Role> findByName(String name);

    @Insert("""
            insert into role (id, name, description, system)
            values (#{id}, #{name}, #{description}, #{system})
            """)
    void insert(Role role);

    @Update("""
            update role set description = #{description}, updated_at = now(), version = version + 1
            where id = #{id} and version = #{version}
            """)
    int update(Role role);

    @Delete("delete from role where id = #{id} and not system")
    int delete(UUID id);

    @Select("select permission from role_permission where role_id = #{roleId} order by permission")
    List<String> permissionsOf(UUID roleId);

    @Delete("delete from role_permission where role_id = #{roleId}")
    void clearPermissions(UUID roleId);

    @Insert("""
            <script>
            insert into role_permission (role_id, permission) values
            <foreach collection="permissions" item="permission" separator=",">(#{roleId}, #{permission})</foreach>
            on conflict do nothing
            </script>
            """)
    void addPermissions(@Param("roleId") UUID roleId, @Param("permissions") Collection<String> permissions);

    @Select("select count(*) from user_role where role_id = #{roleId}")
    long holders(UUID roleId);

    /** The permissions a user holds through their roles. */
    @Select("""
            select distinct rp.permission
              from user_role ur
              join role_permission rp on rp.role_id = ur.role_id
             where ur.user_id = #{userId}
            """)
    List<String> permissionsOfUser(UUID userId);

    @Select("""
            select r.name from user_role ur join role r on r.id = ur.role_id
             where ur.user_id = #{userId} order by r.name
            """)
    List<String> namesOfUser(UUID userId);
}
