package io.lormas.deploy.server.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lormas.contracts.deploy.ServerAllocation;
import io.lormas.deploy.scheduler.Allocations;
import io.lormas.deploy.server.Server;
import io.lormas.deploy.server.ServerAccess;
import io.lormas.deploy.server.ServerManagement;
import io.lormas.deploy.server.ServerRow;
import io.lormas.deploy.server.ServerState;
import io.lormas.deploy.server.Servers;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.security.Principals;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/** Servers: create (202, installing), list, read, rename, delete (202), reinstall, suspend, resume. */
@RestController
@RequestMapping("/api/servers")
class ServerController {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final int MAX_VARIABLES = 100;
    private static final int MAX_VALUE_LENGTH = 8192;

    private final ServerManagement management;
    private final Servers servers;
    private final Allocations allocations;
    private final ServerAccess access;

    ServerController(ServerManagement management, Servers servers, Allocations allocations, ServerAccess access) {
        this.management = management;
        this.servers = servers;
        this.allocations = allocations;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<ServerView> create(@Valid @RequestBody CreateServerRequest request) {
        LormasPrincipal principal = Principals.require();
        Map<String, String> variables = request.variables() == null ? Map.of() : request.variables();
        checkVariables(variables);
        if (request.region() == null && request.nodeId() == null) {
            throw ProblemException.badRequest("request has invalid fields",
                    List.of(new FieldViolation("region", "must not be null")));
        }
        ServerManagement.Created created = management.create(new ServerManagement.NewServer(request.name(), request.eggId(),
                request.planId(), request.region() == null ? "" : request.region(), request.image(), variables,
                request.secretVariables() == null ? Set.of() : Set.copyOf(request.secretVariables()),
                request.startup(), request.nodeId(), request.ownerId(), request.restartOnCrash(),
                request.nodeLabels() == null ? Map.of() : request.nodeLabels()), principal);
        Server server = created.server();
        return ResponseEntity.accepted().location(URI.create("/api/servers/" + server.id()))
                .body(ServerView.of(server, created.allocations()));
    }

    private static void checkVariables(Map<String, String> variables) {
        List<FieldViolation> errors = new ArrayList<>();
        if (variables.size() > MAX_VARIABLES) {
            errors.add(new FieldViolation("variables", "at most " + MAX_VARIABLES + " variables"));
        }
        variables.forEach((name, value) -> {
            if (!VARIABLE_NAME.matcher(name).matches()) {
                errors.add(new FieldViolation("variables", "'" + name.substring(0, Math.min(name.length(), 64))
                        + "' is not a valid variable name"));
            } else if (value == null) {
                errors.add(new FieldViolation("variables." + name, "must not be null"));
            } else if (value.length() > MAX_VALUE_LENGTH) {
                errors.add(new FieldViolation("variables." + name, "must be at most " + MAX_VALUE_LENGTH + " characters"));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("request has invalid fields", errors);
        }
    }

    @GetMapping
    Page<ServerView> list(@RequestParam(required = false) @Nullable UUID cursor,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) @Nullable UUID ownerId,
            @RequestParam(required = false) @Nullable String state) {
        LormasPrincipal principal = Principals.require();
        if (limit < 1 || limit > 100) {
            throw ProblemException.badRequest("limit must be between 1 and 100",
                    List.of(new FieldViolation("limit", "must be between 1 and 100")));
        }
        String stateFilter = null;
        if (state != null) {
            try {
                stateFilter = ServerState.fromWire(state).wire();
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("unknown state '" + state + "'",
                        List.of(new FieldViolation("state", "must be one of installing, install_failed, stopped, "
                                + "starting, running, stopping, crashed, suspended, node_offline, deleting")));
            }
        }
        UUID viewer = access.listingViewer(principal);
        List<ServerRow> rows = servers.page(viewer, ownerId, stateFilter, cursor, limit + 1);
        boolean more = rows.size() > limit;
        List<ServerRow> shown = more ? rows.subList(0, limit) : rows;
        Map<UUID, List<ServerAllocation>> ports = new LinkedHashMap<>();
        if (!shown.isEmpty()) {
            for (Allocations.Row row : allocations.ofServers(shown.stream().map(ServerRow::id).toList())) {
                ports.computeIfAbsent(row.serverId(), id -> new ArrayList<>()).add(new ServerAllocation(row.ip(), row.port()));
            }
        }
        List<ServerView> items = shown.stream()
                .map(row -> ServerView.of(Server.from(row), ports.getOrDefault(row.id(), List.of()))).toList();
        return new Page<>(items, more ? shown.getLast().id().toString() : null);
    }

    @GetMapping("/{id}")
    ServerView get(@PathVariable UUID id) {
        Server server = management.visible(id, Principals.require());
        return ServerView.of(server, allocations.ofServer(id));
    }

    record RenameRequest(@NotNull @jakarta.validation.constraints.Pattern(regexp = ServerNames.PATTERN,
            message = ServerNames.RULE) String name) {
    }

    @PatchMapping("/{id}")
    ServerView rename(@PathVariable UUID id, @Valid @RequestBody RenameRequest request) {
        Server server = management.rename(id, request.name(), Principals.require());
        return ServerView.of(server, allocations.ofServer(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Map<String, Object>> delete(@PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean removeData, @RequestParam(defaultValue = "false") boolean force) {
        Server server = management.delete(id, removeData, force, Principals.require());
        return ResponseEntity.accepted().body(Map.of("id", server.id(), "state",
                server.gone() ? "deleted" : server.state().wire()));
    }

    @PostMapping("/{id}/reinstall")
    ResponseEntity<ServerView> reinstall(@PathVariable UUID id) {
        Server server = management.reinstall(id, Principals.require());
        return ResponseEntity.accepted().body(ServerView.of(server, allocations.ofServer(id)));
    }

    record SuspendRequest(@Nullable @jakarta.validation.constraints.Size(max = 200) String reason) {
    }

    @PostMapping("/{id}/suspend")
    ServerView suspend(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable SuspendRequest request) {
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? "admin"
                : request.reason();
        Server server = management.suspend(id, reason, Principals.require());
        return ServerView.of(server, allocations.ofServer(id));
    }

    @PostMapping("/{id}/resume")
    ServerView resume(@PathVariable UUID id) {
        Server server = management.resume(id, Principals.require());
        return ServerView.of(server, allocations.ofServer(id));
    }
}
