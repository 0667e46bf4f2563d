package io.lormas.identity.role;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.lormas.contracts.identity.Permissions;

/**
 * The roles every installation has, defined here so that a growing permission catalogue reaches them at the next
 * start. See docs/adr for why support is read-mostly.
 */
public final class SystemRoles {

    public static final String ADMIN = "admin";
    public static final String SUPPORT = "support";
    public static final String CUSTOMER = "customer";

    private SystemRoles() {
    }

    /** What a customer does with their own things: their servers (every server-level permission), clients, grants. */
    public static Set<String> customer() {
        Set<String> permissions = new TreeSet<>(Permissions.serverPermissions());
        permissions.addAll(Set.of(Permissions.SERVERS_READ, Permissions.SERVERS_CREATE, Permissions.SERVERS_UPDATE,
                Permissions.SERVERS_DELETE, Permissions.CLIENTS_MANAGE, Permissions.GRANTS_MANAGE));
        return permissions;
    }

    /** Support staff read the platform's state to help customers; they change nothing that is not theirs. */
    public static Set<String> support() {
        Set<String> permissions = new TreeSet<>(customer());
        permissions.addAll(Set.of(Permissions.USERS_READ, Permissions.NODES_READ, Permissions.AUDIT_READ));
        return permissions;
    }

    public static Set<String> admin() {
        return new TreeSet<>(Permissions.all());
    }

    /** Name to permissions, in the order they are created. */
    public static Map<String, Set<String>> all() {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        roles.put(ADMIN, admin());
        roles.put(SUPPORT, support());
        roles.put(CUSTOMER, customer());
        return roles;
    }

    public static String description(String name) {
        return switch (name) {
            case ADMIN -> "Operates the platform: every permission";
            case SUPPORT -> "Reads users, nodes and audit trails to help customers; acts only on their own servers";
            case CUSTOMER -> "Runs their own servers, integrations and subusers";
            default -> "";
        };
    }
}
