package io.lormas.testkit.agent;

import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.lormas.contracts.agent.Ack;
import io.lormas.contracts.agent.AgentMessage;
import io.lormas.contracts.agent.AgentProtocol;
import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.CommandResult;
import io.lormas.contracts.agent.Console;
import io.lormas.contracts.agent.ContainerEvent;
import io.lormas.contracts.agent.ContainerStatus;
import io.lormas.contracts.agent.Heartbeat;
import io.lormas.contracts.agent.Hello;
import io.lormas.contracts.agent.HostFacts;
import io.lormas.contracts.agent.Inventory;
import io.lormas.contracts.agent.ProtocolError;
import io.lormas.contracts.agent.ProtocolException;
import io.lormas.contracts.agent.ResourceUsage;
import io.lormas.contracts.agent.Stats;
import io.lormas.contracts.agent.Welcome;

/**
 * A node agent without a container engine, speaking the real protocol ({@code libs/contracts}) over a JDK
 * WebSocket: {@code hello}, {@code inventory} after {@code welcome}, {@code heartbeat}s on a timer, {@code ack}
 * and a configurable {@code command_result} for every command, and on demand {@code console}, {@code stats},
 * {@code container_event} or any raw frame. It remembers what it received, so tests can await it.
 * <pre>{@code
 * SimulatedAgent agent = SimulatedAgent.builder(URI.create("ws://127.0.0.1:" + port + "/agent/connect"))
 *         .token(() -> TestTokens.shared().agent(nodeId).sign())
 *         .build();
 * Welcome welcome = agent.connect(Duration.ofSeconds(10));
 * Command command = agent.awaitCommand(commandId, Duration.ofSeconds(10));
 * }</pre>
 * Agents share an {@link AgentFleet} (threads, one HTTP client); none has a thread of its own. Thread-safe.
 */
public final class SimulatedAgent implements AutoCloseable {

    private final AgentFleet fleet;
    private final List<URI> endpoints;
    private final Supplier<String> token;
    private final Map<String, String> headers;
    private final String hostname;
    private final @Nullable Duration heartbeatOverride;
    private final CommandHandler handler;
    private final Supplier<List<ContainerStatus>> containers;
    private final boolean reconnect;
    private final Duration reconnectDelay;

    private final Object sendLock = new Object();
    private final AtomicInteger endpointIndex = new AtomicInteger();
    private final AtomicLong heartbeatsSent = new AtomicLong();
    private final List<Command> commands = new CopyOnWriteArrayList<>();
    private final List<ProtocolError> errors = new CopyOnWriteArrayList<>();
    private final List<Welcome> welcomes = new CopyOnWriteArrayList<>();
    private final Map<String, CommandResult> answered = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    private volatile @Nullable WebSocket socket;
    private volatile @Nullable Welcome welcome;
    private volatile @Nullable ScheduledFuture<?> heartbeats;
    private volatile CompletableFuture<Welcome> welcomed = new CompletableFuture<>();
    private volatile CompletableFuture<Closed> closedFuture = new CompletableFuture<>();
    private volatile @Nullable Closed lastClose;
    private volatile int lastHandshakeStatus;
    private volatile boolean stopped;
    private volatile boolean heartbeatsPaused;
    private CompletableFuture<?> sendChain = CompletableFuture.completedFuture(null);

    /** How a session ended: the close code the server sent (1006 when the connection broke). */
    public record Closed(int code, String reason) {
    }

    private SimulatedAgent(Builder builder) {
        this.fleet = builder.fleet;
        this.endpoints = List.copyOf(builder.endpoints);
        this.token = Objects.requireNonNull(builder.token, "token");
        this.headers = Map.copyOf(builder.headers);
        this.hostname = builder.hostname;
        this.heartbeatOverride = builder.heartbeatInterval;
        this.handler = builder.handler;
        this.containers = builder.containers;
        this.reconnect = builder.reconnect;
        this.reconnectDelay = builder.reconnectDelay;
    }

    public static Builder builder(URI connectUrl) {
        return new Builder(List.of(connectUrl));
    }

    /** An agent that tries the endpoints in turn on every (re)connect, e.g. two node-service replicas. */
    public static Builder builder(List<URI> endpoints) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one endpoint");
        }
        return new Builder(endpoints);
    }

    // --- connecting ------------------------------------------------------------------------------------------

    /**
     * Opens a session and sends {@code hello}; completes with the {@code welcome}. Fails with a
     * {@link RefusedException} when the upgrade is answered with an HTTP status (see {@link #lastHandshakeStatus()}).
     */
    public CompletableFuture<Welcome> connect() {
        stopped = false;
        CompletableFuture<Welcome> result = new CompletableFuture<>();
        welcomed = result;
        closedFuture = new CompletableFuture<>();
        URI endpoint = endpoints.get(Math.floorMod(endpointIndex.getAndIncrement(), endpoints.size()));
        WebSocket.Builder ws = fleet.http().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        String bearer = token.get();
        if (bearer != null && !bearer.isBlank()) {
            ws.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(ws::header);
        ws.buildAsync(endpoint, new Listener()).whenComplete((opened, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
                if (cause instanceof WebSocketHandshakeException handshake) {
                    lastHandshakeStatus = handshake.getResponse().statusCode();
                    result.completeExceptionally(new RefusedException(lastHandshakeStatus));
                } else {
                    result.completeExceptionally(cause);
                }
                scheduleReconnect();
                return;
            }
            lastHandshakeStatus = 101;
            send(new Hello(AgentProtocol.VERSION, "simulated-1.0", List.of("docker"), new HostFacts(hostname, "Linux",
                    "6.1.0", "amd64", "Simulated CPU", 4, 8192, 102_400, "simulated", "1.0")));
        });
        return result;
    }

    /** {@link #connect()} and wait for the welcome. */
    public Welcome connect(Duration timeout) {
        try {
            return connect().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RefusedException refused) {
                throw refused;
            }
            throw new IllegalStateException("connecting failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no welcome within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The upgrade was answered with an HTTP status instead of 101. */
    public static final class RefusedException extends RuntimeException {

        private final int status;

        RefusedException(int status) {
            super("the WebSocket upgrade was refused with HTTP " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Ends the session politely (close 1000, "agent stopping") and stops reconnecting. */
    @Override
    public void close() {
        stopped = true;
        stopHeartbeats();
        WebSocket ws = socket;
        if (ws != null && !ws.isOutputClosed()) {
            synchronized (sendLock) {
                sendChain = sendChain.handle((ignored, failure) -> null)
                        .thenCompose(ignored -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "agent stopping"));
            }
            try {
                closedFuture.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                ws.abort();
            }
        }
    }

    /** The agent dies: the connection is dropped without a close frame; it reconnects if configured to. */
    public void kill() {
        stopHeartbeats();
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
            onClosed(ws, 1006, "killed");
        }
    }

    /** Dies and stays dead (no reconnect). */
    public void crash() {
        stopped = true;
        kill();
    }

    public boolean isConnected() {
        WebSocket ws = socket;
        return ws != null && !ws.isInputClosed() && welcome != null;
    }

    // --- sending ---------------------------------------------------------------------------------------------

    /** Sends one protocol message. */
    public CompletableFuture<?> send(AgentMessage.FromAgent message) {
        return sendText(AgentProtocol.encode(message));
    }

    /** Sends any text as one frame (bad input for tests). */
    public CompletableFuture<?> sendText(String frame) {
        WebSocket ws = socket;
        if (ws == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected"));
        }
        synchronized (sendLock) {
            // the JDK allows one outstanding send per WebSocket: chain them
            CompletableFuture<?> next = sendChain.handle((ignored, failure) -> null)
                    .thenCompose(ignored -> ws.sendText(frame, true));
            sendChain = next;
            return next;
        }
    }

    /** Sends a binary frame (not part of the protocol). */
    public CompletableFuture<?> sendBinary(byte[] data) {
        WebSocket ws = socket;
        if (ws == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected"));
        }
        synchronized (sendLock) {
            CompletableFuture<?> next = sendChain.handle((ignored, failure) -> null)
                    .thenCompose(ignored -> ws.sendBinary(ByteBuffer.wrap(data), true));
            sendChain = next;
            return next;
        }
    }

    public CompletableFuture<?> heartbeat() {
        heartbeatsSent.incrementAndGet();
        return send(new Heartbeat(Instant.now(), new ResourceUsage(12.5, 2048, 8192, 10_240, 102_400),
                containers.get()));
    }

    public CompletableFuture<?> console(String serverId, String... lines) {
        return send(new Console(serverId, Console.Source.SERVER, List.of(lines), 0));
    }

    public CompletableFuture<?> stats(String serverId, double cpuPercent, long memoryBytes) {
        return send(new Stats(serverId, Instant.now(), cpuPercent, memoryBytes, memoryBytes * 4, 1000, 2000, 4096));
    }

    public CompletableFuture<?> containerEvent(String serverId, ContainerEvent.Kind kind, @Nullable Integer exitCode) {
        return send(new ContainerEvent(serverId, kind, exitCode, false, Instant.now(), null));
    }

    /** Stops sending heartbeats while staying connected (to make the control plane miss them). */
    public void pauseHeartbeats() {
        heartbeatsPaused = true;
    }

    public void resumeHeartbeats() {
        heartbeatsPaused = false;
    }

    // --- what happened ---------------------------------------------------------------------------------------

    /** The welcome of the current (or last) session. */
    public @Nullable Welcome welcome() {
        return welcome;
    }

    public List<Welcome> welcomes() {
        return List.copyOf(welcomes);
    }

    /** Every command received, in order, duplicates included. */
    public List<Command> commands() {
        return List.copyOf(commands);
    }

    /** How often the command with this id was delivered. */
    public int deliveries(String commandId) {
        AtomicInteger count = deliveries.get(commandId);
        return count == null ? 0 : count.get();
    }

    public List<ProtocolError> errors() {
        return List.copyOf(errors);
    }

    public long heartbeatsSent() {
        return heartbeatsSent.get();
    }

    /** How the last session ended; null while none ended. */
    public @Nullable Closed lastClose() {
        return lastClose;
    }

    /** 101 after a successful upgrade, else the HTTP status that refused it (0 before any attempt). */
    public int lastHandshakeStatus() {
        return lastHandshakeStatus;
    }

    public Command awaitCommand(String commandId, Duration timeout) {
        await(timeout, "command " + commandId, () -> deliveries(commandId) > 0);
        return commands.stream().filter(c -> c.id().equals(commandId)).findFirst().orElseThrow();
    }

    public ProtocolError awaitError(String code, Duration timeout) {
        await(timeout, "an error frame '" + code + "'", () -> errors.stream().anyMatch(e -> e.code().equals(code)));
        return errors.stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow();
    }

    public Closed awaitClose(Duration timeout) {
        try {
            return closedFuture.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the session did not close within " + timeout);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until a welcome with a session epoch other than {@code previousEpoch} arrived. */
    public Welcome awaitNewSession(long previousEpoch, Duration timeout) {
        await(timeout, "a new session", () -> {
            Welcome current = welcome;
            return current != null && current.sessionEpoch() != previousEpoch && isConnected();
        });
        return Objects.requireNonNull(welcome);
    }

    private static void await(Duration timeout, String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not received within " + timeout);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    // --- protocol ----------------------------------------------------------------------------------------------

    private void onFrame(String text) {
        AgentMessage.ToAgent message;
        try {
            message = AgentProtocol.decodeToAgent(text);
        } catch (ProtocolException e) {
            send(e.toError());
            return;
        }
        switch (message) {
            case Welcome w -> welcome(w);
            case Command command -> command(command);
            case ProtocolError error -> errors.add(error);
        }
    }

    private void welcome(Welcome w) {
        welcome = w;
        welcomes.add(w);
        send(new Inventory(containers.get()));
        Duration interval = heartbeatOverride != null ? heartbeatOverride
                : Duration.ofSeconds(Math.max(1, w.heartbeatIntervalSeconds()));
        stopHeartbeats();
        // a random start spreads the heartbeats of many agents over the interval
        long first = ThreadLocalRandom.current().nextLong(Math.max(1, interval.toMillis()));
        heartbeats = fleet.scheduler().scheduleAtFixedRate(() -> {
            if (!heartbeatsPaused && isConnected()) {
                heartbeat();
            }
        }, first, interval.toMillis(), TimeUnit.MILLISECONDS);
        welcomed.complete(w);
    }

    private void command(Command command) {
        commands.add(command);
        deliveries.computeIfAbsent(command.id(), id -> new AtomicInteger()).incrementAndGet();
        send(new Ack(command.id()));
        CommandResult known = answered.get(command.id());
        if (known != null) {
            send(known); // executed already: the same result again
            return;
        }
        Reply reply;
        try {
            reply = handler.handle(command);
        } catch (RuntimeException e) {
            reply = Reply.of(CommandResult.failure(command.id(), "simulated_failure", String.valueOf(e.getMessage())));
        }
        CommandResult result = reply.result();
        if (result == null) {
            return;
        }
        Runnable answer = () -> {
            answered.put(command.id(), result);
            send(result);
        };
        if (reply.delay().isZero()) {
            answer.run();
        } else {
            fleet.scheduler().schedule(answer, reply.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void onClosed(WebSocket ws, int code, String reason) {
        synchronized (sendLock) {
            if (socket != ws) {
                return; // an older socket, or reported already
            }
            socket = null;
        }
        stopHeartbeats();
        Closed closed = new Closed(code, reason);
        lastClose = closed;
        welcome = null;
        closedFuture.complete(closed);
        if (!welcomed.isDone()) {
            welcomed.completeExceptionally(new IllegalStateException("closed before welcome: " + code + " " + reason));
        }
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (!reconnect || stopped) {
            return;
        }
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, reconnectDelay.toMillis() / 2 + 1));
        fleet.scheduler().schedule(() -> {
            if (!stopped && socket == null) {
                connect();
            }
        }, reconnectDelay.toMillis() + jitter, TimeUnit.MILLISECONDS);
    }

    private void stopHeartbeats() {
        ScheduledFuture<?> running = heartbeats;
        if (running != null) {
            running.cancel(false);
            heartbeats = null;
        }
    }

    /** Receives frames (assembling parts), one at a time. */
    private final class Listener implements WebSocket.Listener {

        private @Nullable StringBuilder parts;

        @Override
        public void onOpen(WebSocket webSocket) {
            synchronized (sendLock) {
                socket = webSocket;
                sendChain = CompletableFuture.completedFuture(null);
            }
            webSocket.request(1);
        }

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            try {
                if (!last) {
                    if (parts == null) {
                        parts = new StringBuilder();
                    }
                    parts.append(data);
                } else if (parts != null) {
                    parts.append(data);
                    String frame = parts.toString();
                    parts = null;
                    onFrame(frame);
                } else {
                    onFrame(data.toString());
                }
            } finally {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            onClosed(webSocket, statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            onClosed(webSocket, 1006, String.valueOf(error.getMessage()));
        }
    }

    /** Configures a {@link SimulatedAgent}. */
    public static final class Builder {

        private final List<URI> endpoints;
        private AgentFleet fleet = AgentFleet.shared();
        private @Nullable Supplier<String> token;
        private final Map<String, String> headers = new ConcurrentHashMap<>();
        private String hostname = "simulated-node";
        private @Nullable Duration heartbeatInterval;
        private CommandHandler handler = CommandHandler.SUCCEED;
        private Supplier<List<ContainerStatus>> containers = List::of;
        private boolean reconnect;
        private Duration reconnectDelay = Duration.ofMillis(200);

        private Builder(List<URI> endpoints) {
            this.endpoints = new ArrayList<>(endpoints);
        }

        /** The bearer token of every (re)connect (asked again each time, so it can be renewed). */
        public Builder token(Supplier<String> token) {
            this.token = token;
            return this;
        }

        public Builder token(String token) {
            return token(() -> token);
        }

        /** An extra header on the upgrade request, e.g. {@code X-Lormas-Node-Id}. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder fleet(AgentFleet fleet) {
            this.fleet = fleet;
            return this;
        }

        public Builder hostname(String hostname) {
            this.hostname = hostname;
            return this;
        }

        /** Heartbeat interval instead of the one {@code welcome} announces. */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = interval;
            return this;
        }

        public Builder commands(CommandHandler handler) {
            this.handler = handler;
            return this;
        }

        /** The containers reported in inventory and heartbeats. */
        public Builder containers(Supplier<List<ContainerStatus>> containers) {
            this.containers = containers;
            return this;
        }

        /** Reconnect after the session ends (not after {@link SimulatedAgent#close()} or {@link SimulatedAgent#crash()}). */
        public Builder reconnect(Duration delay) {
            this.reconnect = true;
            this.reconnectDelay = delay;
            return this;
        }

        public SimulatedAgent build() {
            return new SimulatedAgent(this);
        }
    }

}
