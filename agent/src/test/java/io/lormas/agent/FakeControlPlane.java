package io.lormas.agent;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lormas.contracts.agent.AgentMessage;
import io.lormas.contracts.agent.AgentProtocol;
import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.CommandResult;
import io.lormas.contracts.agent.ProtocolException;
import io.lormas.contracts.agent.Welcome;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.jspecify.annotations.Nullable;

/**
 * The control plane's side of the agent contract, small enough for a test: node registration and the
 * client_credentials token endpoint over HTTP, and {@code /agent/connect} over WebSocket speaking the real
 * protocol (welcome on hello; records every frame the agent sends). Can be stopped and started on the same port.
 */
final class FakeControlPlane implements AutoCloseable {

    /** A frame the agent sent: the raw text and what it decoded to (null when it did not decode). */
    record Received(String text, AgentMessage.@Nullable FromAgent message, int connection) {
    }

    final String nodeId = "node-" + UUID.randomUUID().toString().substring(0, 8);
    final String clientId = "agent-" + nodeId;
    final String clientSecret = "secret-" + UUID.randomUUID();
    final String registrationToken = "reg-" + UUID.randomUUID();
    final AtomicInteger tokensIssued = new AtomicInteger();
    final AtomicInteger upgradesRefused = new AtomicInteger();
    final AtomicInteger connections = new AtomicInteger();
    volatile long tokenLifetimeSeconds = 300;
    volatile int heartbeatSeconds = 1;

    private final HttpServer http;
    private final int wsPort;
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicLong epoch = new AtomicLong();
    private final List<Received> received = new ArrayList<>();
    private volatile boolean registrationUsed;
    private volatile @Nullable Socket socket;

    private FakeControlPlane(int wsPort) throws IOException {
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/api/nodes/register", this::register);
        http.createContext("/oauth2/token", this::token);
        http.start();
        this.wsPort = wsPort;
        startSocket();
    }

    static FakeControlPlane start() {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            int port = probe.getLocalPort();
            probe.close();
            return new FakeControlPlane(port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    URI gatewayUrl() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    String connectUrl() {
        return "ws://127.0.0.1:" + wsPort + "/agent/connect";
    }

    // --- HTTP: registration and tokens ---

    private void register(HttpExchange exchange) throws IOException {
        String body = read(exchange.getRequestBody());
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "application/problem+json", "{\"title\":\"method not allowed\"}");
            return;
        }
        if (registrationUsed || !body.contains("\"token\":\"" + registrationToken + "\"") || !body.contains("\"hostname\"")) {
            respond(exchange, 401, "application/problem+json",
                    "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"registration token is invalid or used\"}");
            return;
        }
        registrationUsed = true;
        String gateway = gatewayUrl().toString();
        respond(exchange, 201, "application/json", "{\"nodeId\":\"" + nodeId + "\",\"clientId\":\"" + clientId
                + "\",\"clientSecret\":\"" + clientSecret + "\",\"tokenUrl\":\"" + gateway + "/oauth2/token\",\"connectUrl\":\""
                + connectUrl() + "\"}");
    }

    private void token(HttpExchange exchange) throws IOException {
        String body = read(exchange.getRequestBody());
        String expected = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        if (!body.contains("grant_type=client_credentials") || !body.contains("scope=agent")) {
            respond(exchange, 400, "application/json", "{\"error\":\"invalid_request\"}");
            return;
        }
        String token = "at-" + tokensIssued.incrementAndGet() + "-" + UUID.randomUUID();
        validTokens.add(token);
        respond(exchange, 200, "application/json", "{\"access_token\":\"" + token
                + "\",\"token_type\":\"Bearer\",\"expires_in\":" + tokenLifetimeSeconds + ",\"scope\":\"agent\"}");
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // --- WebSocket: /agent/connect ---

    private final class Socket extends WebSocketServer {

        Socket() {
            super(new InetSocketAddress("127.0.0.1", wsPort));
            setReuseAddr(true);
            setConnectionLostTimeout(0);
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                ClientHandshake request) throws InvalidDataException {
            String authorization = request.getFieldValue("Authorization");
            if (!request.getResourceDescriptor().equals("/agent/connect") || authorization == null
                    || !authorization.startsWith("Bearer ") || !validTokens.contains(authorization.substring(7))) {
                upgradesRefused.incrementAndGet();
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "unauthorized");
            }
            return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connections.incrementAndGet();
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            AgentMessage.FromAgent decoded = null;
            try {
                decoded = AgentProtocol.decodeFromAgent(message);
            } catch (ProtocolException e) {
                // recorded undecoded: a test may look for it
            }
            synchronized (received) {
                received.add(new Received(message, decoded, connections.get()));
                received.notifyAll();
            }
            if (decoded instanceof io.lormas.contracts.agent.Hello) {
                conn.send(AgentProtocol.encode(new Welcome(nodeId, epoch.incrementAndGet(), heartbeatSeconds, AgentProtocol.VERSION)));
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
        }
    }

    private void startSocket() {
        Socket server = new Socket();
        server.setDaemon(true);
        server.start();
        socket = server;
        // wait until it listens
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", wsPort)) {
                return;
            } catch (IOException e) {
                sleep(20);
            }
        }
        fail("fake control plane did not listen on " + wsPort);
    }

    /** Stops the WebSocket side (all sessions drop), as a control plane restart does. */
    void stopSocket() {
        Socket server = socket;
        if (server != null) {
            try {
                server.stop(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            socket = null;
        }
    }

    void restartSocket() {
        stopSocket();
        startSocket();
    }

    long epoch() {
        return epoch.get();
    }

    // --- talking to the agent ---

    void send(AgentMessage.ToAgent message) {
        sendRaw(AgentProtocol.encode(message));
    }

    void sendRaw(String text) {
        Socket server = socket;
        if (server == null || server.getConnections().isEmpty()) {
            fail("no agent connected");
        }
        server.getConnections().forEach(c -> c.send(text));
    }

    /** Sends a command and waits for its result. */
    CommandResult execute(Command command, Duration timeout) {
        int mark = mark();
        send(command);
        return await(CommandResult.class, r -> r.commandId().equals(command.id()), mark, timeout);
    }

    int mark() {
        synchronized (received) {
            return received.size();
        }
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    <T extends AgentMessage.FromAgent> List<T> all(Class<T> type, int from) {
        synchronized (received) {
            return received.subList(Math.min(from, received.size()), received.size()).stream()
                    .map(Received::message).filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** Waits for a frame of a type matching a condition, received at or after {@code from}. */
    <T extends AgentMessage.FromAgent> T await(Class<T> type, Predicate<T> condition, int from, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            int index = from;
            while (true) {
                for (; index < received.size(); index++) {
                    AgentMessage.FromAgent message = received.get(index).message();
                    if (type.isInstance(message) && condition.test(type.cast(message))) {
                        return type.cast(message);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return fail("no " + type.getSimpleName() + " matching the condition within " + timeout
                            + "; received since mark: " + describe(from));
                }
                try {
                    received.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return fail("interrupted");
                }
            }
        }
    }

    /** Waits for a raw frame (decoded or not) matching a condition. */
    Received awaitRaw(Predicate<Received> condition, int from, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            int index = from;
            while (true) {
                for (; index < received.size(); index++) {
                    if (condition.test(received.get(index))) {
                        return received.get(index);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return fail("no matching frame within " + timeout + "; received: " + describe(from));
                }
                try {
                    received.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return fail("interrupted");
                }
            }
        }
    }

    private String describe(int from) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < received.size(); i++) {
            String text = received.get(i).text();
            out.append("\n  ").append(text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
        return out.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopSocket();
        http.stop(0);
    }
}
