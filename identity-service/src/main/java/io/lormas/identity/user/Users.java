package io.lormas.identity.user;

import java.time.Instant;
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
import org.jspecify.annotations.Nullable;

/** User accounts. Emails compare case-insensitively (unique index on {@code lower(email)}). */
@Mapper
public interface Users {

    @Select("select * from app_user where id = #{id}")
    Optional<User> findById(UUID id);

    @Select("select * from app_user where lower(email) = lower(#{email})")
    Optional<User> findByEmail(String email);

    /**
     * One page in creation order (ids are UUIDv7), optionally filtered by an email fragment and status.
     *
     * @param pattern a LIKE pattern with wildcards escaped, or null
     * @param after the last id of the previous page, or null
     */
    @Select("""
            <script>
            select * from app_user
            <where>
              <if test="pattern != null">lower(email) like #{pattern} escape '\\'</if>
              <if test="status != null">and status = #{status}</if>
              <if test="after != null">and id &gt; #{after}</if>
            </where>
            order by id
            limit #{limit}
            </script>
            """)
    List<User> page(@Param("pattern") @Nullable String pattern, @Param("status") @Nullable String status,
            @Param("after") @Nullable UUID after, @Param("limit") int limit);

    @Insert("""
            insert into app_user (id, email, password_hash, display_name, status)
            values (#{id}, #{email}, #{passwordHash}, #{displayName}, #{status})
            """)
    void insert(User user);

    @Update("""
            update app_user set email = #{email}, display_name = #{displayName}, updated_at = now(), version = version + 1
             where id = #{id} and version = #{version}
            """)
    int updateProfile(User user);

    @Update("update app_user set password_hash = #{hash}, updated_at = now(), version = version + 1 where id = #{id}")
    void updatePassword(@Param("id") UUID id, @Param("hash") String hash);

    @Update("""
            update app_user set status = #{status}, suspended_reason = #{reason}, updated_at = now(), version = version + 1
             where id = #{id}
            """)
    void updateStatus(@Param("id") UUID id, @Param("status") String status, @Param("reason") @Nullable String reason);

    @Update("update app_user set last_login_at = #{at} where id = #{id}")
    void recordLogin(@Param("id") UUID id, @Param("at") Instant at);

    @Delete("delete from app_user where id = #{id}")
    int delete(UUID id);

    @Delete("delete from user_role where user_id = #{userId}")
    void clearRoles(UUID userId);

    @Insert("""
            <script>
            insert into user_role (user_id, role_id)
            select #{userId}, id from role where name in
            <foreach collection="roles" item="role" open="(" separator="," close=")">#{role}</foreach>
            </script>
            """)
    void addRoles(@Param("userId") UUID userId, @Param("roles") Collection<String> roles);

    @Select("""
            select count(*) from user_role ur
              join role r on r.id = ur.role_id
              join app_user u on u.id = ur.user_id
             where r.name = 'admin' and u.status = 'active'
            """)
    long activeAdmins();

    /** Per-user exceptions to their roles: {@code grant} or {@code deny}. */
    @Select("select permission, effect from user_permission_override where user_id = #{userId} order by permission")
    List<PermissionOverride> overridesOf(UUID userId);

    @Delete("delete from user_permission_override where user_id = #{userId}")
    void clearOverrides(UUID userId);

    @Insert("""
            <script>
            insert into user_permission_override (user_id, permission, effect) values
            <foreach collection="overrides" item="o" separator=",">(#{userId}, #{o.permission}, #{o.effect})</foreach>
            </script>
            """)
    void addOverrides(@Param("userId") UUID userId, @Param("overrides") Collection<PermissionOverride> overrides);

    // --- two-factor authentication

    @Update("""
            update app_user set totp_secret = #{secret}, totp_enabled_at = null, totp_last_step = null, updated_at = now()
             where id = #{id}
            """)
    void startTotpEnrolment(@Param("id") UUID id, @Param("secret") String encryptedSecret);

    @Update("update app_user set totp_enabled_at = now(), totp_last_step = #{step}, updated_at = now() where id = #{id}")
    void enableTotp(@Param("id") UUID id, @Param("step") long step);

    /** Accepts a time step once: false when it (or a later one) was used already. */
    @Update("""
            update app_user set totp_last_step = #{step}
             where id = #{id} and (totp_last_step is null or totp_last_step < #{step})
            """)
    int acceptTotpStep(@Param("id") UUID id, @Param("step") long step);

    @Update("""
            update app_user set totp_secret = null, totp_enabled_at = null, totp_last_step = null, updated_at = now()
             where id = #{id}
            """)
    void disableTotp(UUID id);

    @Delete("delete from recovery_code where user_id = #{userId}")
    void clearRecoveryCodes(UUID userId);

    @Insert("""
            <script>
            insert into recovery_code (user_id, code_hash) values
            <foreach collection="hashes" item="hash" separator=",">(#{userId}, #{hash})</foreach>
            </script>
            """)
    void addRecoveryCodes(@Param("userId") UUID userId, @Param("hashes") Collection<String> hashes);

    /** Uses a recovery code: true exactly once per code. */
    @Update("""
            update recovery_code set used_at = now()
             where user_id = #{userId} and code_hash = #{hash} and used_at is null
            """)
    int useRecoveryCode(@Param("userId") UUID userId, @Param("hash") String hash);

    @Select("select count(*) from recovery_code where user_id = #{userId} and used_at is null")
    int unusedRecoveryCodes(UUID userId);
}
