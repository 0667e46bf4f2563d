package io.lormas.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * identity-service as node-service sees it, at the HTTP level: the token endpoint for node-service's
 * client_credentials, and the agent-client endpoints it calls. One per JVM; {@link #failing} makes it answer 503.
 */
public final class FakeIdentity {

    public static final String CLIENT_ID = "node-service";
    public static final String CLIENT_SECRET = "test-secret-of-node-service";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile FakeIdentity shared;

    private final HttpServer server;
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    /** node id -> client id */
    private final Map<String, String> clients = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    public volatile boolean failing;

    private FakeIdentity() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/oauth2/token", this::token);
        server.createContext("/api/identity/agent-clients", this::agentClients);
        server.start();
    }

    public static FakeIdentity shared() {
        if (shared == null) {
            synchronized (FakeIdentity.class) {
                if (shared == null) {
                    shared = new FakeIdentity();
                }
            }
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Calls seen, e.g. {@code POST <nodeId>} or {@code DELETE <nodeId>}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public boolean hasClient(UUID nodeId) {
        return clients.containsKey(nodeId.toString());
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (failing) {
            respond(exchange, 503, "{}");
        } else if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !body.contains("grant_type=client_credentials")) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
        } else {
            String token = "svc-" + UUID.randomUUID();
            issuedTokens.add(token);
            respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
        }
    }

    private void agentClients(HttpExchange exchange) throws IOException {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (failing) {
            respond(exchange, 503, "{}");
            return;
        }
        if (!authorization.startsWith("Bearer ") || !issuedTokens.contains(authorization.substring(7))) {
            respond(exchange, 401, "{}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if ("POST".equals(exchange.getRequestMethod()) && path.equals("/api/identity/agent-clients")) {
            JsonNode request = JSON.readTree(body);
            String nodeId = request.path("nodeId").asString("");
            calls.add("POST " + nodeId);
            if (clients.containsKey(nodeId)) {
                respond(exchange, 409, "{\"title\":\"Conflict\"}");
                return;
            }
            String clientId = "node-" + nodeId;
            clients.put(nodeId, clientId);
            respond(exchange, 201, "{\"clientId\":\"" + clientId + "\",\"clientSecret\":\"secret-" + UUID.randomUUID()
                    + "\"}");
        } else if ("DELETE".equals(exchange.getRequestMethod())) {
            String nodeId = path.substring(path.lastIndexOf('/') + 1);
            calls.add("DELETE " + nodeId);
            respond(exchange, clients.remove(nodeId) != null ? 204 : 404, null);
        } else {
            respond(exchange, 405, "{}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
