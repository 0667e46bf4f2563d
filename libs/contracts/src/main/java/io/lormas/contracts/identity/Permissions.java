package io.lormas.contracts.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Permission names, shared by identity-service (which grants them) and every service that checks them.
 * <p>
 * Global permissions travel in the access token ({@code permissions} claim). Server permissions are used on a
 * resource: an owner holds them all on their own servers, a subuser holds what the owner granted (identity's
 * grants), an integrator client additionally needs them among its scopes.
 */
public final class Permissions {

    // Platform administration
    public static final String NODES_READ = "nodes.read";
    public static final String NODES_WRITE = "nodes.write";
    public static final String EGGS_WRITE = "eggs.write";
    public static final String PLANS_WRITE = "plans.write";
    public static final String USERS_READ = "users.read";
    public static final String USERS_WRITE = "users.write";
    public static final String ROLES_WRITE = "roles.write";
    public static final String CLIENTS_ADMIN = "clients.admin";
    /** Create and delete the OAuth clients of node agents (node-service's own scope). */
    public static final String IDENTITY_CLIENTS_WRITE = "identity.clients.write";
    public static final String SERVERS_ADMIN = "servers.admin";
    public static final String AUDIT_READ = "audit.read";
    public static final String BILLING_ADMIN = "billing.admin";
    public static final String DEAD_LETTERS = "platform.dead-letters";

    // What a customer does with their own things
    public static final String SERVERS_READ = "servers.read";
    public static final String SERVERS_CREATE = "servers.create";
    public static final String SERVERS_UPDATE = "servers.update";
    public static final String SERVERS_DELETE = "servers.delete";
    public static final String CLIENTS_MANAGE = "clients.manage";
    public static final String GRANTS_MANAGE = "grants.manage";

    // Server permissions (Pterodactyl style), used on one server
    public static final String CONTROL_CONSOLE = "control.console";
    public static final String CONTROL_COMMAND = "control.command";
    public static final String CONTROL_START = "control.start";
    public static final String CONTROL_STOP = "control.stop";
    public static final String CONTROL_RESTART = "control.restart";
    public static final String ACTIVITY_READ = "activity.read";

    /** The catalogue: category to permissions. Identity-service serves it and refuses names outside it. */
    public static final Map<String, List<String>> CATALOGUE = catalogue();

    private Permissions() {
    }

    private static Map<String, List<String>> catalogue() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("admin.infrastructure", List.of(NODES_READ, NODES_WRITE, EGGS_WRITE, PLANS_WRITE));
        c.put("admin.accounts", List.of(USERS_READ, USERS_WRITE, ROLES_WRITE, CLIENTS_ADMIN, IDENTITY_CLIENTS_WRITE));
        c.put("admin.operations", List.of(SERVERS_ADMIN, AUDIT_READ, BILLING_ADMIN, DEAD_LETTERS));
        c.put("account", List.of(SERVERS_READ, SERVERS_CREATE, SERVERS_UPDATE, SERVERS_DELETE, CLIENTS_MANAGE,
                GRANTS_MANAGE));
        c.put("control", List.of(CONTROL_CONSOLE, CONTROL_COMMAND, CONTROL_START, CONTROL_STOP, CONTROL_RESTART));
        c.put("file", List.of("file.read", "file.read-content", "file.create", "file.update", "file.delete",
                "file.archive", "file.sftp"));
        c.put("backup", List.of("backup.create", "backup.read", "backup.delete", "backup.download", "backup.restore"));
        c.put("allocation", List.of("allocation.read", "allocation.create", "allocation.update", "allocation.delete"));
        c.put("startup", List.of("startup.read", "startup.update", "startup.docker-image"));
        c.put("database", List.of("database.create", "database.read", "database.update", "database.delete",
                "database.view-password"));
        c.put("schedule", List.of("schedule.create", "schedule.read", "schedule.update", "schedule.delete"));
        c.put("user", List.of("user.create", "user.read", "user.update", "user.delete"));
        c.put("settings", List.of("settings.rename", "settings.reinstall"));
        c.put("activity", List.of(ACTIVITY_READ));
        return Map.copyOf(c).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** Categories whose permissions apply to one server (grantable to subusers). */
    public static final Set<String> SERVER_CATEGORIES = Set.of("control", "file", "backup", "allocation", "startup",
            "database", "schedule", "user", "settings", "activity");

    public static Set<String> all() {
        return CATALOGUE.values().stream().flatMap(List::stream).collect(Collectors.toUnmodifiableSet());
    }

    /** Every permission usable on one server. */
    public static Set<String> serverPermissions() {
        return CATALOGUE.entrySet().stream().filter(e -> SERVER_CATEGORIES.contains(e.getKey()))
                .flatMap(e -> e.getValue().stream()).collect(Collectors.toUnmodifiableSet());
    }

    public static boolean exists(String permission) {
        return all().contains(permission);
    }
}
