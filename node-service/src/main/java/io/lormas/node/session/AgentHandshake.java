package io.lormas.node.session;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import io.lormas.node.node.NodeRegistry;
import io.lormas.node.presence.Presence;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.web.ProblemException;
import io.lormas.platform.web.Problems;

/**
 * Decides the upgrade of {@code /agent/connect}. Spring Security has validated the JWT already (no or a bad
 * token: 401); here the token must be an agent's ({@code principal_type} agent, scope {@code agent}) for a node
 * that exists and was not removed, and, when the agent names its node ({@code ?nodeId=} or the
 * {@code X-Lormas-Node-Id} header), for that node. Anything else is a 403 problem, before any WebSocket exists.
 */
@Component
class AgentHandshake implements HandshakeInterceptor {

    static final String NODE_ID = "lormas.nodeId";
    static final String NODE_HEADER = "X-Lormas-Node-Id";

    private static final Logger log = LoggerFactory.getLogger(AgentHandshake.class);

    private final NodeRegistry nodes;
    private final Presence presence;

    AgentHandshake(NodeRegistry nodes, Presence presence) {
        this.nodes = nodes;
        this.presence = presence;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) throws IOException {
        HttpServletRequest servletRequest = ((ServletServerHttpRequest) request).getServletRequest();
        HttpServletResponse servletResponse = ((ServletServerHttpResponse) response).getServletResponse();
        if (!(request.getPrincipal() instanceof JwtAuthenticationToken token)) {
            return refuse(servletRequest, servletResponse, ProblemException.unauthorized("an agent access token is required"));
        }
        LormasPrincipal principal = LormasPrincipal.from(token.getToken());
        UUID nodeId = principal.nodeId();
        if (principal.kind() != LormasPrincipal.Kind.AGENT || !principal.hasScope("agent") || nodeId == null) {
            log.info("refused an agent connection of {}: not an agent token", principal.subject());
            return refuse(servletRequest, servletResponse,
                    ProblemException.forbidden("an agent token (scope 'agent' with a node_id) is required"));
        }
        String claimed = claimedNode(servletRequest);
        if (claimed != null && !claimed.equalsIgnoreCase(nodeId.toString())) {
            log.info("refused an agent connection: token of node {} used for node {}", nodeId, claimed);
            return refuse(servletRequest, servletResponse, ProblemException.forbidden("the token is for another node"));
        }
        Long epoch = presence.currentEpoch(nodeId);
        if ((epoch != null && epoch < 0) || !nodes.exists(nodeId)) {
            log.info("refused an agent connection of node {}: no such node", nodeId);
            return refuse(servletRequest, servletResponse,
                    ProblemException.forbidden("node " + nodeId + " does not exist or was removed"));
        }
        attributes.put(NODE_ID, nodeId);
        return true;
    }

    private static @Nullable String claimedNode(HttpServletRequest request) {
        String claimed = request.getParameter("nodeId");
        return claimed != null ? claimed : request.getHeader(NODE_HEADER);
    }

    private static boolean refuse(HttpServletRequest request, HttpServletResponse response, ProblemException problem)
            throws IOException {
        Problems.write(response, request, problem);
        response.flushBuffer();
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            @Nullable Exception exception) {
    }
}
