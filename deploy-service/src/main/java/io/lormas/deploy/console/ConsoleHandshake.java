package io.lormas.deploy.console;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import io.lormas.contracts.identity.Permissions;
import io.lormas.deploy.server.ServerAccess;
import io.lormas.deploy.server.ServerRow;
import io.lormas.deploy.server.Servers;
import io.lormas.platform.security.LormasPrincipal;

/**
 * Admits a console connection: the caller's token was validated by the security filter (header or
 * {@code ?access_token=}); here the server must exist for them (else 404) and they need {@code control.console}
 * on it (else 403). The principal and the token's expiry travel with the session.
 */
@Component
class ConsoleHandshake implements HandshakeInterceptor {

    static final String PRINCIPAL = "lormas.principal";
    static final String SERVER_ID = "lormas.serverId";
    static final String OWNER_ID = "lormas.ownerId";
    static final String EXPIRES_AT = "lormas.expiresAt";
    /** The request id of the upgrade: console input recorded in the activity log carries it. */
    static final String REQUEST_ID = "lormas.requestId";
    private static final Pattern PATH = Pattern.compile("/api/servers/([^/]+)/console/?");

    private final Servers servers;
    private final ServerAccess access;

    ConsoleHandshake(Servers servers, ServerAccess access) {
        this.servers = servers;
        this.access = access;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            return false;
        }
        Matcher matcher = PATH.matcher(request.getURI().getPath());
        UUID serverId;
        try {
            serverId = matcher.matches() ? UUID.fromString(matcher.group(1)) : null;
        } catch (IllegalArgumentException e) {
            serverId = null;
        }
        if (serverId == null) {
            response.setStatusCode(HttpStatus.NOT_FOUND);
            return false;
        }
        LormasPrincipal principal = LormasPrincipal.from(token.getToken());
        ServerRow server = servers.findById(serverId).orElse(null);
        if (server == null) {
            response.setStatusCode(HttpStatus.NOT_FOUND);
            return false;
        }
        try {
            access.requireVisible(principal, server.id(), server.ownerId());
            access.require(principal, Permissions.CONTROL_CONSOLE, server.id(), server.ownerId());
        } catch (io.lormas.platform.web.ProblemException denied) {
            response.setStatusCode(denied.status());
            return false;
        }
        attributes.put(PRINCIPAL, principal);
        attributes.put(SERVER_ID, serverId);
        attributes.put(OWNER_ID, server.ownerId());
        String requestId = io.lormas.platform.web.RequestIds.current();
        if (requestId != null) {
            attributes.put(REQUEST_ID, requestId);
        }
        if (token.getToken().getExpiresAt() != null) {
            attributes.put(EXPIRES_AT, token.getToken().getExpiresAt());
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
    }
}
