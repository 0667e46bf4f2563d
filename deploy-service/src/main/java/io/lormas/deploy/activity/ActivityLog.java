package io.lormas.deploy.activity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.platform.id.Ids;

/**
 * Records what happened to servers, in the transaction of the change itself: an action is logged exactly when it
 * took effect. Details must never hold secret values.
 */
@Component
public class ActivityLog {

    private final Activities activities;
    private final JsonMapper json;

    ActivityLog(Activities activities, JsonMapper json) {
        this.activities = activities;
        this.json = json;
    }

    /**
     * @param action dotted name, e.g. {@code server.create}, {@code server.power.start}, {@code server.crashed}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(@Nullable UUID serverId, @Nullable UUID ownerId, String action, Actor actor,
            Map<String, ?> details) {
        activities.insert(new ActivityEntry(Ids.newId(), serverId, ownerId, action, actor.type(), actor.id(),
                Instant.now(), actor.requestId(), actor.ip(), json.writeValueAsString(withClient(actor, details))));
    }

    /** Whether an entry with these details exists already (to report a finding once). */
    public boolean exists(@Nullable UUID serverId, String action, Map<String, ?> details) {
        return activities.count(serverId, action, json.writeValueAsString(details)) > 0;
    }

    public List<ActivityEntry> page(@Nullable UUID serverId, @Nullable String actionPrefix, @Nullable UUID before,
            int limit) {
        return activities.page(serverId, actionPrefix, before, limit);
    }

    private static Map<String, ?> withClient(Actor actor, Map<String, ?> details) {
        if (actor.onBehalfOf() == null) {
            return details;
        }
        java.util.LinkedHashMap<String, Object> all = new java.util.LinkedHashMap<>(details);
        all.put("onBehalfOf", actor.onBehalfOf());
        return all;
    }
}
