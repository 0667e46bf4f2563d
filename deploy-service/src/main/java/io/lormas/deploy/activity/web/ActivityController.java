package io.lormas.deploy.activity.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.contracts.identity.Permissions;
import io.lormas.deploy.activity.ActivityEntry;
import io.lormas.deploy.activity.ActivityLog;
import io.lormas.deploy.server.Server;
import io.lormas.deploy.server.ServerAccess;
import io.lormas.deploy.server.ServerManagement;
import io.lormas.deploy.server.web.Page;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.security.Principals;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/**
 * The activity of one server ({@code activity.read} on it) and of all servers (admins: {@code audit.read}), newest
 * first.
 */
@RestController
class ActivityController {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final ActivityLog log;
    private final ServerManagement servers;
    private final ServerAccess access;
    private final JsonMapper json;

    ActivityController(ActivityLog log, ServerManagement servers, ServerAccess access, JsonMapper json) {
        this.log = log;
        this.servers = servers;
        this.access = access;
        this.json = json;
    }

    @GetMapping("/api/servers/{id}/activity")
    Page<ActivityView> ofServer(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID cursor,
            @RequestParam(defaultValue = "50") int limit) {
        LormasPrincipal principal = Principals.require();
        Server server = servers.require(id);
        access.requireVisible(principal, server.id(), server.ownerId());
        access.require(principal, Permissions.ACTIVITY_READ, server.id(), server.ownerId());
        return page(id, null, cursor, limit);
    }

    @GetMapping("/api/servers/admin/activity")
    Page<ActivityView> all(@RequestParam(required = false) @Nullable UUID serverId,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable UUID cursor, @RequestParam(defaultValue = "50") int limit) {
        Principals.requirePermission(Permissions.AUDIT_READ);
        return page(serverId, action, cursor, limit);
    }

    private Page<ActivityView> page(@Nullable UUID serverId, @Nullable String action, @Nullable UUID cursor, int limit) {
        if (limit < 1 || limit > 100) {
            throw ProblemException.badRequest("limit must be between 1 and 100",
                    List.of(new FieldViolation("limit", "must be between 1 and 100")));
        }
        List<ActivityEntry> entries = log.page(serverId, action, cursor, limit + 1);
        boolean more = entries.size() > limit;
        List<ActivityEntry> shown = more ? entries.subList(0, limit) : entries;
        List<ActivityView> items = shown.stream().map(e -> new ActivityView(e.id(), e.serverId(), e.action(),
                e.actorType(), e.actorId(), e.at(), e.requestId(), e.ip(), json.readValue(e.details(), DETAILS))).toList();
        return new Page<>(items, more ? shown.getLast().id().toString() : null);
    }
}
