package io.lormas.identity.oauth;

import java.time.Instant;
import java.util.Optional;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Refresh tokens replaced by rotation, by SHA-256, with the authorization (token family) they belonged to. */
@Mapper
public interface RetiredRefreshTokens {

    @Insert("""
            insert into retired_refresh_token (token_hash, authorization_id) values (#{hash}, #{authorizationId})
            on conflict (token_hash) do nothing
            """)
    void insert(@Param("hash") String hash, @Param("authorizationId") String authorizationId);

    @Select("select authorization_id from retired_refresh_token where token_hash = #{hash}")
    Optional<String> authorizationOf(String hash);

    @Delete("delete from retired_refresh_token where retired_at < #{before}")
    int deleteRetiredBefore(Instant before);

    /** Authorizations whose every token has expired (sign-ins in progress carry no expiry and are kept). */
    @Delete("""
            delete from oauth2_authorization
             where greatest(authorization_code_expires_at, access_token_expires_at, oidc_id_token_expires_at,
                            refresh_token_expires_at) < #{before}
            """)
    int deleteExpiredAuthorizations(Instant before);
}
