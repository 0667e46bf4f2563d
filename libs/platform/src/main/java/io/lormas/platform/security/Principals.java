package io.lormas.platform.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.lormas.platform.web.ProblemException;

/** The principal of the current request. */
public final class Principals {

    private Principals() {
    }

    public static Optional<LormasPrincipal> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(LormasPrincipal.from(token.getToken()));
        }
        return Optional.empty();
    }

    /** The caller, or a 401 problem. */
    public static LormasPrincipal require() {
        return current().orElseThrow(() -> ProblemException.unauthorized("authentication required"));
    }

    /** The caller holding a global permission, or a 403 problem naming it. */
    public static LormasPrincipal requirePermission(String permission) {
        LormasPrincipal principal = require();
        if (!principal.can(permission)) {
            throw ProblemException.forbidden("permission '" + permission + "' is required");
        }
        return principal;
    }
}
