package io.lormas.deploy.activity.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One entry of the activity log. */
record ActivityView(UUID id, @Nullable UUID serverId, String action, String actorType, @Nullable String actorId,
        Instant at, @Nullable String requestId, @Nullable String ip, Map<String, Object> details) {
}
