package io.lormas.identity.session;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.jspecify.annotations.Nullable;

/** A user's sessions, read from and ended in SAS's {@code oauth2_authorization}. */
@Mapper
public interface Sessions {

    @Select("""
            select a.id, c.client_id, a.authorization_code_issued_at as signed_in_at,
                   a.refresh_token_issued_at as last_refreshed_at,
                   coalesce(a.refresh_token_expires_at, a.access_token_expires_at) as expires_at
              from oauth2_authorization a
              join oauth2_registered_client c on c.id = a.registered_client_id
             where a.principal_name = #{principal}
               and a.authorization_grant_type = 'authorization_code'
               and coalesce(a.refresh_token_expires_at, a.access_token_expires_at) > now()
             order by coalesce(a.refresh_token_issued_at, a.access_token_issued_at) desc
            """)
    List<Session> active(String principal);

    @Select("select id from oauth2_authorization where access_token_value = #{token}")
    Optional<String> idOfAccessToken(String token);

    @Delete("delete from oauth2_authorization where id = #{id} and principal_name = #{principal}")
    int revoke(@Param("principal") String principal, @Param("id") String id);

    /** Ends every session of the principal, but the one given (may be null). */
    @Delete("""
            <script>
            delete from oauth2_authorization where principal_name = #{principal}
            <if test="keep != null">and id &lt;&gt; #{keep}</if>
            </script>
            """)
    int revokeAll(@Param("principal") String principal, @Param("keep") @Nullable String keep);

    /** Ends the principal's browser sessions at the login page (Spring Session's rows): no new code without a sign-in. */
    @Delete("delete from spring_session where principal_name = #{principal}")
    int endLoginSessions(String principal);
}
