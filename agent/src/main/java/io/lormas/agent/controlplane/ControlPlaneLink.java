package io.lormas.agent.controlplane;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.lormas.agent.config.ControlPlaneSettings;
import io.lormas.agent.runtime.ContainerRuntime;
import io.lormas.agent.runtime.EngineFacts;
import io.lormas.agent.runtime.RuntimeFailure;
import io.lormas.agent.workload.CommandRunner;
import io.lormas.agent.workload.NodeInventory;
import io.lormas.contracts.agent.AgentMessage;
import io.lormas.contracts.agent.AgentProtocol;
import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.CommandResult;
import io.lormas.contracts.agent.ContainerStatus;
import io.lormas.contracts.agent.Heartbeat;
import io.lormas.contracts.agent.Hello;
import io.lormas.contracts.agent.ProtocolError;
import io.lormas.contracts.agent.ProtocolException;
import io.lormas.contracts.agent.Welcome;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the agent connected to the control plane: token, WebSocket upgrade with {@code Authorization: Bearer},
 * {@code hello}, {@code welcome}, full inventory, then heartbeats (with a ping; a session that stays silent for
 * three intervals is given up). Lost sessions are retried with exponential backoff and jitter, and every new
 * session starts with hello and inventory again. A frame that cannot be read is answered with an {@code error}
 * frame (and, when it was a command with an id, a failed {@code command_result}); it never ends the session.
 */
@Singleton
public final class ControlPlaneLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlPlaneLink.class);
    private static final JsonMapper LENIENT = JsonMapper.builder().build();
    /** A session that lasted this long was healthy: the next reconnect starts from the shortest delay. */
    private static final Duration HEALTHY_SESSION = Duration.ofSeconds(30);
    private static final List<String> CAPABILITIES = List.of("create", "install", "start", "stop", "restart", "kill",
            "delete", "console_input", "logs", "reconcile", "build", "config_files", "disk_measured");

    private final ControlPlaneSettings settings;
    private final CredentialsFile credentials;
    private final AccessTokens tokens;
    private final Outbox outbox;
    private final CommandRunner runner;
    private final NodeInventory inventory;
    private final HostProbe host;
    private final ContainerRuntime runtime;
    private final HttpClient http;
    private final Backoff backoff;
    private final AtomicLong sessions = new AtomicLong();
    private volatile boolean running;
    private volatile @Nullable AgentSession current;
    private volatile @Nullable Thread loop;
    private volatile long sessionEpoch = -1;
    private volatile String lastProblem = "";
    private volatile List<ContainerStatus> lastStates = List.of();
    private volatile boolean engineDown;

    public ControlPlaneLink(ControlPlaneSettings settings, CredentialsFile credentials, AccessTokens tokens,
            Outbox outbox, CommandRunner runner, NodeInventory inventory, HostProbe host, ContainerRuntime runtime) {
        this.settings = settings;
        this.credentials = credentials;
        this.tokens = tokens;
        this.outbox = outbox;
        this.runner = runner;
        this.inventory = inventory;
        this.host = host;
        this.runtime = runtime;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).proxy(java.net.ProxySelector.getDefault()).build();
        this.backoff = new Backoff(settings.reconnectMinDelay(), settings.reconnectMaxDelay(), ThreadLocalRandom.current());
    }

    /** What the health endpoint shows. */
    public record Status(boolean connected, long sessionEpoch, long sessions, String lastProblem) {
    }

    public Status status() {
        return new Status(outbox.connected(), sessionEpoch, sessions.get(), lastProblem);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = Thread.ofVirtual().name("control-plane-link").start(this::connectLoop);
    }

    private void connectLoop() {
        while (running) {
            long began = System.nanoTime();
            boolean welcomed = false;
            try {
                welcomed = runSession();
            } catch (ControlPlaneUnavailable e) {
                lastProblem = e.getMessage();
                if (e.refused()) {
                    tokens.invalidate();
                    LOG.error("{}", e.getMessage());
                } else {
                    LOG.warn("control plane unavailable: {}", e.getMessage());
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                lastProblem = e.getMessage();
                LOG.error("cannot connect: {}", e.getMessage());
            } catch (RuntimeException e) {
                lastProblem = e.toString();
                LOG.error("control-plane session failed", e);
            }
            if (!running) {
                return;
            }
            if (welcomed && System.nanoTime() - began > HEALTHY_SESSION.toNanos()) {
                backoff.reset();
            }
            Duration delay = backoff.next();
            LOG.info("reconnecting to the control plane in {} ms", delay.toMillis());
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One session from upgrade to close; true when it got as far as welcome. */
    private boolean runSession() throws ControlPlaneUnavailable {
        Credentials node = credentials.require();
        URI uri = URI.create(node.connectUrl());
        TransportSecurity.require(uri, settings.allowInsecure());
        String token = tokens.current();
        AgentSession session = new AgentSession(settings, this::onFrame, outbox::resultSent);
        current = session;
        try {
            session.open(http, uri, token);
            session.enqueue(hello());
            Welcome welcome = session.awaitWelcome(settings.welcomeTimeout());
            sessionEpoch = welcome.sessionEpoch();
            sessions.incrementAndGet();
            lastProblem = "";
            LOG.info("connected to the control plane as node {} (session epoch {})", welcome.nodeId(), welcome.sessionEpoch());
            outbox.attach(session);
            Thread.ofVirtual().name("inventory").start(() -> sendInventory(session));
            heartbeats(session, Duration.ofSeconds(Math.clamp(welcome.heartbeatIntervalSeconds(), 1, 300)));
            lastProblem = session.closeReason();
            return true;
        } finally {
            outbox.detach(session);
            if (!session.isClosed()) {
                session.close("agent reconnecting");
            }
            current = null;
        }
    }

    /** The full inventory, as soon as the engine answers (it may be down while the link is up). */
    private void sendInventory(AgentSession session) {
        boolean warned = false;
        while (!session.isClosed()) {
            try {
                session.enqueue(inventory.inventory());
                if (warned) {
                    LOG.info("inventory sent: the engine answers again");
                }
                return;
            } catch (RuntimeFailure e) {
                if (!warned) {
                    LOG.warn("cannot read the inventory ({}); trying every 5 s until the engine answers", e.getMessage());
                    warned = true;
                }
            }
            try {
                if (session.awaitClosed(Duration.ofSeconds(5))) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void heartbeats(AgentSession session, Duration interval) {
        Duration silenceLimit = interval.multipliedBy(3).plusSeconds(10);
        try {
            while (running && !session.awaitClosed(interval)) {
                session.enqueue(heartbeat());
                session.ping();
                if (session.silence().compareTo(silenceLimit) > 0) {
                    session.abort("nothing heard from the control plane for " + session.silence().toSeconds() + " s");
                    return;
                }
                renewTokenIfDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void renewTokenIfDue() {
        try {
            tokens.current(); // renews when three quarters of its life are over
        } catch (RuntimeException e) {
            LOG.warn("renewing the access token failed (the session goes on): {}", e.getMessage());
        }
    }

    private Hello hello() {
        EngineFacts engine = null;
        try {
            engine = runtime.engine();
        } catch (RuntimeFailure e) {
            LOG.warn("the container engine is not reachable: {}", e.getMessage());
        }
        return new Hello(AgentProtocol.VERSION, AgentVersion.VALUE, CAPABILITIES, host.facts(engine));
    }

    private Heartbeat heartbeat() {
        try {
            lastStates = inventory.states();
            engineDown = false;
        } catch (RuntimeFailure e) {
            if (!engineDown) {
                LOG.warn("cannot list containers for heartbeats ({}); sending the last known states until it answers",
                        e.getMessage());
            }
            engineDown = true;
        }
        return new Heartbeat(Instant.now(), host.usage(), lastStates);
    }

    private void onFrame(AgentSession session, String text) {
        AgentMessage.ToAgent message;
        try {
            message = AgentProtocol.decodeToAgent(text);
        } catch (ProtocolException e) {
            refuse(session, text, e);
            return;
        }
        switch (message) {
            case Welcome welcome -> session.welcomed(welcome);
            case Command command -> runner.submit(command);
            case ProtocolError error -> LOG.warn("the control plane reports a protocol error: {} {} (ref {})",
                    error.code(), error.message(), error.ref());
        }
    }

    private void refuse(AgentSession session, String text, ProtocolException e) {
        String message = e.getMessage() == null ? e.code() : e.getMessage();
        if (message.length() > 1000) {
            message = message.substring(0, 1000) + "...";
        }
        String commandId = commandIdOf(text);
        LOG.warn("refused a frame from the control plane: {} {}", e.code(), message);
        session.enqueue(new ProtocolError(e.code(), message, commandId));
        if (commandId != null) {
            // The control plane waits for a result of this command: give it one.
            outbox.send(CommandResult.failure(commandId, "invalid_command", message));
        }
    }

    /** The id of a command frame that could not be decoded, if it has one. */
    static @Nullable String commandIdOf(String text) {
        try {
            JsonNode node = LENIENT.readTree(text);
            if (node != null && "command".equals(node.path("type").asString(""))) {
                String id = node.path("id").asString("");
                return id.isBlank() || id.length() > 200 ? null : id;
            }
        } catch (RuntimeException ignored) {
            // not even JSON
        }
        return null;
    }

    @Override
    public void close() {
        running = false;
        AgentSession session = current;
        if (session != null) {
            session.close("agent stopping");
        }
        Thread thread = loop;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
