package io.lormas.deploy.activity;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.security.Principals;
import io.lormas.platform.web.RequestIds;

/**
 * Who did something, from where.
 *
 * @param type {@code user}, {@code client} or {@code system}
 * @param id the user id, the client id, or null for the system
 * @param onBehalfOf the user an integrator client acts for
 */
public record Actor(String type, @Nullable String id, @Nullable String onBehalfOf, @Nullable String ip,
        @Nullable String requestId) {

    public static final Actor SYSTEM = new Actor("system", null, null, null, null);

    /** The caller of the current request (IP as the servlet container resolved it behind the gateway). */
    public static Actor current() {
        LormasPrincipal principal = Principals.current().orElse(null);
        String ip = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            ip = attributes.getRequest().getRemoteAddr();
        }
        if (principal == null) {
            return new Actor("system", null, null, ip, RequestIds.current());
        }
        return of(principal, ip, RequestIds.current());
    }

    public static Actor of(LormasPrincipal principal, @Nullable String ip, @Nullable String requestId) {
        return switch (principal.kind()) {
            case CLIENT -> new Actor("client", principal.subject(),
                    principal.userId() == null ? null : principal.userId().toString(), ip, requestId);
            case USER -> new Actor("user", principal.subject(), null, ip, requestId);
            case AGENT -> new Actor("system", principal.subject(), null, ip, requestId);
        };
    }
}
