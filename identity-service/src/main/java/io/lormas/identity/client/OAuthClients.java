package io.lormas.identity.client;

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

/** Ownership of OAuth clients, and the removal of SAS rows that its repository cannot delete. */
@Mapper
public interface OAuthClients {

    @Select("select * from oauth_client where client_id = #{clientId}")
    Optional<OAuthClient> findByClientId(String clientId);

    @Select("select * from oauth_client where node_id = #{nodeId}")
    Optional<OAuthClient> findByNode(UUID nodeId);

    @Select("""
            <script>
            select * from oauth_client
             where kind = 'integrator'
             <if test="ownerId != null">and owner_id = #{ownerId}</if>
             <if test="after != null">and client_id &gt; #{after}</if>
             order by client_id
             limit #{limit}
            </script>
            """)
    List<OAuthClient> integrators(@Param("ownerId") @Nullable UUID ownerId, @Param("after") @Nullable String after,
            @Param("limit") int limit);

    @Select("select client_id from oauth_client where owner_id = #{ownerId}")
    List<String> clientIdsOf(UUID ownerId);

    @Insert("""
            insert into oauth_client (client_id, kind, name, owner_id, node_id)
            values (#{clientId}, #{kind}, #{name}, #{ownerId}, #{nodeId})
            on conflict (client_id) do update set kind = excluded.kind, name = excluded.name,
                owner_id = excluded.owner_id, node_id = excluded.node_id
            """)
    void upsert(OAuthClient client);

    @Update("update oauth_client set secret_rotated_at = now() where client_id = #{clientId}")
    void secretRotated(String clientId);

    /** Ends every grant and token record of a client (its JWTs still validate until they expire). */
    @Delete("""
            delete from oauth2_authorization
             where registered_client_id = (select id from oauth2_registered_client where client_id = #{clientId})
            """)
    int revokeAuthorizations(String clientId);

    /** Deletes the registered client; its {@code oauth_client} row goes with it (on delete cascade). */
    @Delete("delete from oauth2_registered_client where client_id = #{clientId}")
    int deleteRegistration(String clientId);
}
