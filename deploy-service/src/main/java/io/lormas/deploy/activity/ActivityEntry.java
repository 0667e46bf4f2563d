package io.lormas.deploy.activity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One line of the activity log as stored; {@code details} is a JSON object. */
public record ActivityEntry(UUID id, @Nullable UUID serverId, @Nullable UUID ownerId, String action, String actorType,
        @Nullable String actorId, Instant at, @Nullable String requestId, @Nullable String ip, String details) {
}
