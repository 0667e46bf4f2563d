package io.lormas.deploy.user;

import java.util.Optional;
import java.util.UUID;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Account status of users, from identity events. */
@Mapper
interface Users {

    @Insert("""
            insert into app_user (user_id, status) values (#{userId}, #{status})
            on conflict (user_id) do update set status = excluded.status, updated_at = now()
            """)
    void upsert(@Param("userId") UUID userId, @Param("status") String status);

    @Select("select status from app_user where user_id = #{userId}")
    Optional<String> statusOf(UUID userId);
}
