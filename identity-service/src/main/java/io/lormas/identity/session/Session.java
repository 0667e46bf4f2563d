package io.lormas.identity.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A signed-in session: one authorization of SAS (its refresh token family) for a user.
 *
 * @param id the authorization id
 */
public record Session(String id, String clientId, @Nullable Instant signedInAt, @Nullable Instant lastRefreshedAt,
        @Nullable Instant expiresAt) {
}
