package io.lormas.node.registration;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The registration_token table (SQL in RegistrationTokens.xml). Only SHA-256 hashes of tokens are stored. */
@Mapper
interface RegistrationTokens {

    /** Issues (or replaces) the node's token. */
    void upsert(@Param("nodeId") UUID nodeId, @Param("hash") byte[] hash, @Param("expiresAt") Instant expiresAt);

    /**
     * Claims an unexpired, unclaimed token for {@code claimSeconds}: the node it belongs to, or empty when the
     * token is unknown, used, expired or being used right now.
     */
    Optional<UUID> claim(@Param("hash") byte[] hash, @Param("claimSeconds") int claimSeconds);

    /** Gives a claimed token back (the exchange failed on our side; the agent may retry). */
    void release(@Param("nodeId") UUID nodeId, @Param("hash") byte[] hash);

    /** Consumes the token: it never works again. */
    int consume(@Param("nodeId") UUID nodeId, @Param("hash") byte[] hash);
}
