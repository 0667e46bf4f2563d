package io.lormas.identity.client;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code oauth_client}: who an OAuth client (a row of SAS's {@code oauth2_registered_client}) belongs to.
 *
 * @param kind {@code integrator} (a user's integration), {@code agent} (a node), {@code service} (a platform
 *        service from configuration) or {@code console} (the SPA)
 */
public record OAuthClient(String clientId, String kind, String name, @Nullable UUID ownerId, @Nullable UUID nodeId,
        @Nullable Instant createdAt, @Nullable Instant secretRotatedAt) {

    public static final String INTEGRATOR = "integrator";
    public static final String AGENT = "agent";
    public static final String SERVICE = "service";
    public static final String CONSOLE = "console";
}
