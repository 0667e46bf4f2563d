package io.lormas.deploy.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.lormas.contracts.LormasEvent;
import io.lormas.contracts.catalog.EggDefinition;
import io.lormas.contracts.identity.Permissions;
import io.lormas.deploy.activity.ActivityLog;
import io.lormas.deploy.activity.Actor;
import io.lormas.deploy.egg.EggCatalog;
import io.lormas.deploy.egg.EggVersion;
import io.lormas.deploy.grant.ProjectedGrants;
import io.lormas.deploy.node.Nodes;
import io.lormas.deploy.plan.Plan;
import io.lormas.deploy.plan.PlanCatalog;
import io.lormas.deploy.scheduler.Allocations;
import io.lormas.deploy.scheduler.NodeFleet;
import io.lormas.deploy.scheduler.PlacementRequest;
import io.lormas.deploy.scheduler.Placements;
import io.lormas.deploy.user.AccountStatus;
import io.lormas.deploy.variable.VariableRules;
import io.lormas.deploy.variable.VariableStore;
import io.lormas.platform.id.Ids;
import io.lormas.platform.outbox.Outbox;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/**
 * Servers' use cases. Every change of a server runs in one transaction that stores it, writes its events and agent
 * commands to the outbox and records the activity: all of it commits, or none.
 */
@Service
public class ServerManagement {

    private final Servers servers;
    private final EggCatalog eggs;
    private final PlanCatalog plans;
    private final Placements placements;
    private final NodeFleet fleet;
    private final Nodes nodes;
    private final VariableRules rules;
    private final VariableStore variables;
    private final AgentCommands commands;
    private final Outbox outbox;
    private final ActivityLog activity;
    private final ServerAccess access;
    private final AccountStatus accounts;
    private final ProjectedGrants grants;
    private final ApplicationEventPublisher publisher;
    private final CrashPolicy crashPolicy;
    private final TransactionTemplate transactions;
    private final Allocations allocations;

    ServerManagement(Servers servers, EggCatalog eggs, PlanCatalog plans, Placements placements, NodeFleet fleet,
            Nodes nodes, VariableRules rules, VariableStore variables, AgentCommands commands, Outbox outbox,
            ActivityLog activity, ServerAccess access, AccountStatus accounts, ProjectedGrants grants,
            ApplicationEventPublisher publisher, CrashSettings crashSettings, TransactionTemplate transactions,
            Allocations allocations) {
        this.servers = servers;
        this.eggs = eggs;
        this.plans = plans;
        this.placements = placements;
        this.fleet = fleet;
        this.nodes = nodes;
        this.rules = rules;
        this.variables = variables;
        this.commands = commands;
        this.outbox = outbox;
        this.activity = activity;
        this.access = access;
        this.accounts = accounts;
        this.grants = grants;
        this.publisher = publisher;
        this.crashPolicy = crashSettings.policy();
        this.transactions = transactions;
        this.allocations = allocations;
    }

    /**
     * What a caller asks for.
     *
     * @param image one of the egg's images (any image for staff); null for the egg's first
     * @param secretVariables names among {@code variables} to store encrypted and never show again
     * @param startup a custom startup command (staff only)
     * @param nodeId a node to place on (staff only)
     * @param ownerId whom the server belongs to (staff only; default the caller)
     */
    public record NewServer(String name, UUID eggId, UUID planId, String region, @Nullable String image,
            Map<String, String> variables, Set<String> secretVariables, @Nullable String startup,
            @Nullable UUID nodeId, @Nullable UUID ownerId, @Nullable Boolean restartOnCrash,
            Map<String, String> nodeLabels) {
    }

    public CrashPolicy crashPolicy() {
        return crashPolicy;
    }

    /**
     * Creates a server: validates, reserves a placement (its own short transaction), then stores the server with its
     * events, install command and activity in one transaction; if that fails the placement is given back.
     */
    public Created create(NewServer request, LormasPrincipal principal) {
        if (!principal.can(Permissions.SERVERS_CREATE)) {
            throw ProblemException.forbidden("permission '" + Permissions.SERVERS_CREATE + "' is required");
        }
        boolean staff = ServerAccess.isStaff(principal);
        UUID ownerId = owner(request, principal, staff);
        if (accounts.blocked(ownerId)) {
            throw ProblemException.conflict("the account " + ownerId + " is suspended or deleted and cannot own new servers");
        }
        if (request.nodeId() != null && !staff) {
            throw ProblemException.forbidden("choosing a node needs the permission '" + Permissions.SERVERS_ADMIN + "'");
        }
        if (request.startup() != null && !staff) {
            throw ProblemException.forbidden(
                    "a custom startup command needs the permission '" + Permissions.SERVERS_ADMIN + "'");
        }
        List<FieldViolation> missing = new ArrayList<>();
        EggVersion egg = eggs.latestAvailable(request.eggId()).orElse(null);
        if (egg == null) {
            missing.add(new FieldViolation("eggId", "egg " + request.eggId() + " does not exist or takes no new servers"));
        }
        Plan plan = plans.find(request.planId()).filter(Plan::available).orElse(null);
        if (plan == null) {
            missing.add(new FieldViolation("planId", "plan " + request.planId() + " does not exist or takes no new servers"));
        }
        if (egg == null || plan == null) {
            throw ProblemException.unprocessable("the egg or plan cannot be used", missing);
        }
        String image = image(egg.definition(), request.image(), staff);
        VariableRules.Outcome outcome = rules.validate(egg, request.variables(), Map.of(), staff);
        List<FieldViolation> invalid = new ArrayList<>();
        outcome.errors().forEach((name, messages) -> messages.forEach(
                message -> invalid.add(new FieldViolation("variables." + name, message))));
        for (String secret : request.secretVariables()) {
            if (!outcome.environment().containsKey(secret)) {
                invalid.add(new FieldViolation("secretVariables", secret + " is not a variable of this egg"));
            }
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.unprocessable("variables break the egg's rules", invalid);
        }

        Server.Resources resources = new Server.Resources(plan.cpuMillis(), plan.memoryMib(), plan.swapMib(),
                plan.diskMib(), plan.ioWeight(), Math.max(1, plan.ports()));
        UUID id = Ids.newId();
        Placements.Placement placement;
        try {
            placement = placements.reserve(new PlacementRequest(request.region(), resources.cpuMillis(),
                    resources.memoryMib(), resources.diskMib(), resources.ports(), request.nodeLabels(),
                    request.nodeId()), id);
        } catch (Placements.Refused refused) {
            throw ProblemException.conflict(refused.getMessage(), Map.of("reasons", refused.decision().reasons()));
        }
        Actor actor = Actor.current();
        try {
            return transactions.execute(status -> store(id, request, ownerId, egg, plan, image, resources, outcome,
                    placement, actor));
        } catch (RuntimeException e) {
            placements.release(id);
            if (e instanceof Placements.Expired) {
                throw ProblemException.conflict(e.getMessage());
            }
            throw e;
        }
    }

    private Created store(UUID id, NewServer request, UUID ownerId, EggVersion egg, Plan plan, String image,
            Server.Resources resources, VariableRules.Outcome outcome, Placements.Placement placement, Actor actor) {
        Instant now = Instant.now();
        Server server = Server.create(id, request.name(), ownerId, egg.eggId(), egg.version(), plan.planId(),
                placement.region(), placement.nodeId(), image,
                request.startup() != null ? request.startup() : egg.definition().startup(), resources,
                !egg.definition().startupDone().isEmpty(),
                request.restartOnCrash() == null || request.restartOnCrash(), placement.allocations(), now);
        servers.insert(server.toRow());
        placements.confirm(id);
        variables.storeAll(id, outcome.environment(), request.secretVariables(), VariableStore.Source.EGG);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", request.name());
        details.put("eggId", egg.eggId().toString());
        details.put("eggVersion", egg.version());
        details.put("planId", plan.planId().toString());
        details.put("nodeId", placement.nodeId().toString());
        details.put("allocations", placement.allocations());
        if (request.startup() != null) {
            details.put("customStartup", true);
        }
        flush(server, null, actor, "server.create", details,
                new ServerSpecs.Known(outcome.environment(), placement.allocations()));
        return new Created(server, placement.allocations());
    }

    /** A new server and the ports it got. */
    public record Created(Server server, List<io.lormas.contracts.deploy.ServerAllocation> allocations) {
    }

    private static UUID owner(NewServer request, LormasPrincipal principal, boolean staff) {
        if (request.ownerId() != null && !request.ownerId().equals(principal.userId())) {
            if (!staff) {
                throw ProblemException.forbidden("creating a server for another user needs the permission '"
                        + Permissions.SERVERS_ADMIN + "'");
            }
            return request.ownerId();
        }
        if (principal.userId() == null) {
            throw ProblemException.forbidden("only users, and clients acting for a user, can own servers");
        }
        return principal.userId();
    }

    private static String image(EggDefinition egg, @Nullable String requested, boolean staff) {
        if (egg.images().isEmpty() && requested == null) {
            throw ProblemException.unprocessable("the egg names no image",
                    List.of(new FieldViolation("image", "the egg names no image; choose one")));
        }
        if (requested == null) {
            return egg.images().getFirst().image();
        }
        for (EggDefinition.Image image : egg.images()) {
            if (image.image().equals(requested) || image.label().equals(requested)) {
                return image.image();
            }
        }
        if (staff) {
            return requested;
        }
        throw ProblemException.unprocessable("the image is not one of the egg's", List.of(new FieldViolation("image",
                "must be one of " + egg.images().stream().map(EggDefinition.Image::image).toList())));
    }

    // ------------------------------------------------------------------ reading

    public Server require(UUID id) {
        return servers.findById(id).map(Server::from).orElseThrow(() -> ProblemException.notFound("server", id));
    }

    /** The server, if the caller may see it (404 otherwise). */
    public Server visible(UUID id, LormasPrincipal principal) {
        Server server = require(id);
        access.requireVisible(principal, server.id(), server.ownerId());
        return server;
    }

    // ------------------------------------------------------------------ changes by people

    /** Loads a server for a change by a caller holding {@code permission} on it; locked until commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Server lockFor(UUID id, LormasPrincipal principal, String permission) {
        Server server = servers.findForUpdate(id).map(Server::from)
                .orElseThrow(() -> ProblemException.notFound("server", id));
        access.require(principal, permission, server.id(), server.ownerId());
        return server;
    }

    /** Loads a server for a change by the system; empty when it is gone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public java.util.Optional<Server> lock(UUID id) {
        return servers.findForUpdate(id).map(Server::from);
    }

    @Transactional
    public Server delete(UUID id, boolean removeData, boolean force, LormasPrincipal principal) {
        Server server = lockFor(id, principal, Permissions.SERVERS_DELETE);
        if (force && !ServerAccess.isStaff(principal)) {
            throw ProblemException.forbidden("forcing a deletion needs the permission '" + Permissions.SERVERS_ADMIN + "'");
        }
        ServerState before = server.state();
        try {
            if (force) {
                server.forceDelete(Instant.now());
            } else {
                server.delete(removeData);
            }
        } catch (ServerConflict conflict) {
            throw ProblemException.conflict(conflict.getMessage());
        }
        flush(server, before, Actor.current(), "server.delete", Map.of("removeData", removeData, "force", force));
        return server;
    }

    @Transactional
    public Server suspend(UUID id, String reason, LormasPrincipal principal) {
        requireStaff(principal);
        Server server = lockFor(id, principal, Permissions.SERVERS_ADMIN);
        ServerState before = server.state();
        try {
            server.suspend(reason, Instant.now());
        } catch (ServerConflict conflict) {
            throw ProblemException.conflict(conflict.getMessage());
        }
        flush(server, before, Actor.current(), "server.suspend", Map.of("reason", reason));
        return server;
    }

    @Transactional
    public Server resume(UUID id, LormasPrincipal principal) {
        requireStaff(principal);
        Server server = lockFor(id, principal, Permissions.SERVERS_ADMIN);
        ServerState before = server.state();
        try {
            server.resume(Instant.now());
        } catch (ServerConflict conflict) {
            throw ProblemException.conflict(conflict.getMessage());
        }
        flush(server, before, Actor.current(), "server.resume", Map.of());
        return server;
    }

    @Transactional
    public Server reinstall(UUID id, LormasPrincipal principal) {
        Server server = lockFor(id, principal, "settings.reinstall");
        ServerState before = server.state();
        try {
            server.reinstall();
        } catch (ServerConflict conflict) {
            throw ProblemException.conflict(conflict.getMessage());
        }
        flush(server, before, Actor.current(), "server.reinstall", Map.of());
        return server;
    }

    @Transactional
    public Server rename(UUID id, String name, LormasPrincipal principal) {
        Server server = lockFor(id, principal, "settings.rename");
        ServerState before = server.state();
        String old = server.name();
        try {
            server.rename(name);
        } catch (ServerConflict conflict) {
            throw ProblemException.conflict(conflict.getMessage());
        }
        flush(server, before, Actor.current(), "server.rename", Map.of("from", old, "to", name));
        return server;
    }

    /** Suspends every server of an owner (the account was suspended or deleted). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void suspendAllOf(UUID ownerId, String reason) {
        for (UUID id : servers.idsOfOwner(ownerId)) {
            lock(id).ifPresent(server -> {
                if (server.suspended() || server.lifecycle() == Lifecycle.DELETING) {
                    return;
                }
                ServerState before = server.state();
                server.suspend(reason, Instant.now());
                flush(server, before, Actor.SYSTEM, "server.suspend", Map.of("reason", reason));
            });
        }
    }

    /** Resumes the servers suspended because their owner was (not those an admin suspended for another reason). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void resumeAllOf(UUID ownerId, String reason) {
        for (UUID id : servers.idsOfOwner(ownerId)) {
            lock(id).ifPresent(server -> {
                if (!server.suspended() || !reason.equals(server.suspensionReason())) {
                    return;
                }
                ServerState before = server.state();
                server.resume(Instant.now());
                flush(server, before, Actor.SYSTEM, "server.resume", Map.of("reason", reason));
            });
        }
    }

    private static void requireStaff(LormasPrincipal principal) {
        if (!ServerAccess.isStaff(principal)) {
            throw ProblemException.forbidden("permission '" + Permissions.SERVERS_ADMIN + "' is required");
        }
    }

    // ------------------------------------------------------------------ storing a change

    /**
     * Stores a changed server with everything it registered: the row (or its removal once deleted), events, agent
     * commands and an activity entry, all in the caller's transaction.
     *
     * @param before the wire state before the change; null for a new server
     * @param action activity name; null records nothing
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void flush(Server server, @Nullable ServerState before, Actor actor, @Nullable String action,
            Map<String, ?> details) {
        flush(server, before, actor, action, details, null);
    }

    private void flush(Server server, @Nullable ServerState before, Actor actor, @Nullable String action,
            Map<String, ?> details, ServerSpecs.@Nullable Known known) {
        if (before != null) {
            if (server.gone()) {
                remove(server);
            } else if (servers.update(server.toRow()) != 1) {
                throw new OptimisticLockingFailureException("server " + server.id() + " was changed concurrently");
            }
        }
        for (LormasEvent event : server.drainEvents()) {
            outbox.publish(event);
        }
        for (AgentOrder order : server.drainOrders()) {
            commands.issue(server, order, known);
        }
        if (action != null) {
            activity.record(server.id(), server.ownerId(), action, actor, details);
        }
        ServerState after = server.state();
        if (before != null && before != after) { // nobody watches a server that did not exist a moment ago
            publisher.publishEvent(new ServerStateChanged(server.id(), server.gone() ? ServerState.DELETING : after));
        }
    }

    private void remove(Server server) {
        Server.Resources r = server.resources();
        servers.delete(server.id());
        allocations.deleteOfServer(server.id());
        nodes.release(server.nodeId(), r.cpuMillis(), r.memoryMib(), r.diskMib(), r.ports());
        grants.forgetResource(ServerAccess.RESOURCE_TYPE, server.id());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fleet.released(server.nodeId(), r.cpuMillis(), r.memoryMib(), r.diskMib(), r.ports());
                }
            });
        }
    }
}
