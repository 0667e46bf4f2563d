package io.lormas.agent.controlplane;

import java.net.URI;

/**
 * What {@code agent register} receives from the control plane and keeps (mode 0600) for {@code agent run}.
 *
 * @param tokenUrl OAuth2 token endpoint for the client_credentials grant
 * @param connectUrl the WebSocket endpoint, {@code ws(s)://.../agent/connect}
 */
public record Credentials(String nodeId, String clientId, String clientSecret, String tokenUrl, String connectUrl) {

    public Credentials {
        require(nodeId, "nodeId");
        require(clientId, "clientId");
        require(clientSecret, "clientSecret");
        require(tokenUrl, "tokenUrl");
        require(connectUrl, "connectUrl");
        String tokenScheme = URI.create(tokenUrl).getScheme();
        if (!"https".equals(tokenScheme) && !"http".equals(tokenScheme)) {
            throw new IllegalArgumentException("tokenUrl must be an http(s) URL, was " + tokenUrl);
        }
        String connectScheme = URI.create(connectUrl).getScheme();
        if (!"wss".equals(connectScheme) && !"ws".equals(connectScheme)) {
            throw new IllegalArgumentException("connectUrl must be a ws(s) URL, was " + connectUrl);
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
    }

    @Override
    public String toString() {
        return "Credentials[nodeId=" + nodeId + ", clientId=" + clientId + ", clientSecret=***, tokenUrl=" + tokenUrl
                + ", connectUrl=" + connectUrl + "]";
    }
}
