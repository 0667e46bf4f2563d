package io.lormas.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller, read from the access token issued by identity-service.
 * <p>
 * Claims: {@code sub} (user id, or client id), {@code principal_type} ({@code user}, {@code client} or
 * {@code agent}), {@code roles}, {@code permissions} (global permissions; for clients the scopes granted,
 * already a subset of the owner's permissions), {@code scope}, {@code owner_id} (the user an integrator client
 * acts for), {@code node_id} (agents).
 *
 * @param userId the user acting, directly or through an integrator client; null for agents and platform clients
 */
public record LormasPrincipal(
        String subject,
        Kind kind,
        @Nullable UUID userId,
        Set<String> roles,
        Set<String> permissions,
        Set<String> scopes,
        @Nullable UUID nodeId) {

    public static final String ADMIN_ROLE = "admin";

    public enum Kind { USER, CLIENT, AGENT }

    public LormasPrincipal {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
        scopes = Set.copyOf(scopes);
    }

    public static LormasPrincipal from(Jwt jwt) {
        String type = jwt.getClaimAsString("principal_type");
        Set<String> scopes = strings(jwt.getClaim("scope"));
        Kind kind;
        if ("agent".equals(type) || jwt.hasClaim("node_id")) {
            kind = Kind.AGENT;
        } else if ("client".equals(type)) {
            kind = Kind.CLIENT;
        } else if ("user".equals(type)) {
            kind = Kind.USER;
        } else {
            kind = jwt.hasClaim("owner_id") ? Kind.CLIENT : Kind.USER;
        }
        UUID userId = switch (kind) {
            case USER -> uuidOrNull(jwt.getSubject());
            case CLIENT -> uuidOrNull(jwt.getClaimAsString("owner_id"));
            case AGENT -> null;
        };
        return new LormasPrincipal(jwt.getSubject(), kind, userId, strings(jwt.getClaim("roles")),
                strings(jwt.getClaim("permissions")), scopes, uuidOrNull(jwt.getClaimAsString("node_id")));
    }

    /** True for users with the admin role. Clients never inherit it: they hold exactly their scopes. */
    public boolean isAdmin() {
        return kind == Kind.USER && roles.contains(ADMIN_ROLE);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Holds a global permission (admins hold all). */
    public boolean can(String permission) {
        return isAdmin() || permissions.contains(permission);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    private static Set<String> strings(@Nullable Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
        if (claim instanceof String text && !text.isBlank()) {
            return Set.copyOf(List.of(text.trim().split("\\s+")));
        }
        return Set.of();
    }

    private static @Nullable UUID uuidOrNull(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
