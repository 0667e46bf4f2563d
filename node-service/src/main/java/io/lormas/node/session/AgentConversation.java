package io.lormas.node.session;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.lormas.contracts.agent.Ack;
import io.lormas.contracts.agent.AgentMessage;
import io.lormas.contracts.agent.AgentProtocol;
import io.lormas.contracts.agent.CommandResult;
import io.lormas.contracts.agent.Console;
import io.lormas.contracts.agent.ContainerEvent;
import io.lormas.contracts.agent.Heartbeat;
import io.lormas.contracts.agent.Hello;
import io.lormas.contracts.agent.Inventory;
import io.lormas.contracts.agent.ProtocolError;
import io.lormas.contracts.agent.ProtocolException;
import io.lormas.contracts.agent.Stats;
import io.lormas.contracts.agent.Welcome;
import io.lormas.contracts.node.AgentContainerEventReported;
import io.lormas.contracts.node.AgentInventoryReported;
import io.lormas.node.command.CommandDelivery;
import io.lormas.node.command.ReportWriter;
import io.lormas.node.console.ConsoleFanout;
import io.lormas.node.presence.NodePresence;
import io.lormas.node.presence.Presence;
import io.lormas.node.presence.PresenceSettings;
import io.lormas.node.presence.UsageWriter;

/**
 * The agent protocol on node-service's side (DESIGN.md section 5): {@code hello} starts a session (next epoch,
 * online, {@code welcome}, commands flow), {@code heartbeat} keeps presence, results and reports become events,
 * console and stats go to Redis. Bad frames get an {@code error} frame; {@code malformed-limit} malformed ones in
 * a row close the session. Frames of a session that is no longer its node's current one are refused with
 * {@code stale_session}.
 */
@Component
class AgentConversation {

    private static final Logger log = LoggerFactory.getLogger(AgentConversation.class);

    private final AgentSettings settings;
    private final PresenceSettings presenceSettings;
    private final NodePresence nodePresence;
    private final Presence presence;
    private final UsageWriter usage;
    private final CommandDelivery commands;
    private final ConsoleFanout console;
    private final LocalSessions sessions;
    private final ReportWriter reports;
    private final Timer heartbeats;
    private final Timer hellos;
    private final Counter malformed;

    AgentConversation(AgentSettings settings, PresenceSettings presenceSettings, NodePresence nodePresence,
            Presence presence, UsageWriter usage, CommandDelivery commands, ConsoleFanout console,
            LocalSessions sessions, ReportWriter reports, MeterRegistry meters) {
        this.settings = settings;
        this.presenceSettings = presenceSettings;
        this.nodePresence = nodePresence;
        this.presence = presence;
        this.usage = usage;
        this.commands = commands;
        this.console = console;
        this.sessions = sessions;
        this.reports = reports;
        this.heartbeats = Timer.builder("lormas.node.heartbeats")
                .description("Handling of one agent heartbeat (Redis presence)")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.hellos = Timer.builder("lormas.node.hellos")
                .description("Handling of one hello: new session epoch, online, welcome")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.malformed = Counter.builder("lormas.node.frames.malformed").register(meters);
    }

    /** One whole text frame of a session. */
    void onFrame(AgentSession session, String frame) {
        AgentMessage.FromAgent message;
        try {
            message = AgentProtocol.decodeFromAgent(frame);
        } catch (ProtocolException e) {
            if ("unknown_type".equals(e.code())) {
                // a newer agent may send types this version does not know: answered, not held against it
                session.error(e.code(), e.getMessage(), null);
                return;
            }
            malformed(session, e.code(), e.getMessage());
            return;
        }
        if (session.isStale()) {
            session.stale();
            return;
        }
        if (!session.welcomed() && !(message instanceof Hello)) {
            malformed(session, "hello_required", "the first frame of a session must be 'hello'");
            return;
        }
        session.wellFormed();
        try {
            switch (message) {
                case Hello hello -> hello(session, hello);
                case Heartbeat heartbeat -> heartbeat(session, heartbeat);
                case Inventory inventory -> inventory(session, inventory);
                case Ack ack -> ack(session, ack);
                case CommandResult result -> result(session, result);
                case ContainerEvent event -> containerEvent(session, event);
                case Console lines -> {
                    if (knownServer(session, lines.serverId())) {
                        console.console(lines);
                    }
                }
                case Stats stats -> {
                    if (knownServer(session, stats.serverId())) {
                        console.stats(stats);
                    }
                }
                case ProtocolError error -> log.info("node {} reports a protocol error: {} {} (ref {})",
                        session.nodeId(), error.code(), error.message(), error.ref());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Database, Redis or broker trouble: the agent keeps its session and may send again.
            log.warn("node {}: handling a {} frame failed: {}", session.nodeId(),
                    message.getClass().getSimpleName(), e.toString());
            session.error("internal_error", "node-service could not handle the frame now; send it again later", null);
        }
    }

    /** A binary frame: not part of the protocol. */
    void onBinary(AgentSession session) {
        malformed(session, "invalid", "binary frames are not part of the agent protocol");
    }

    private void malformed(AgentSession session, String code, String message) {
        malformed.increment();
        session.error(code, message, null);
        if (session.malformed(settings.malformedLimit())) {
            log.info("closing the session of node {}: {} malformed frames in a row", session.nodeId(),
                    settings.malformedLimit());
            session.close(AgentSession.MALFORMED);
        }
    }

    private void hello(AgentSession session, Hello hello) {
        if (session.welcomed()) {
            session.error("invalid", "hello was already received in this session", null);
            return;
        }
        if (hello.protocolVersion() != AgentProtocol.VERSION) {
            session.error("unsupported_version", "protocol version " + hello.protocolVersion()
                    + " is not supported; this control plane speaks " + AgentProtocol.VERSION, null);
            session.close(org.springframework.web.socket.CloseStatus.PROTOCOL_ERROR.withReason("unsupported version"));
            return;
        }
        long began = System.nanoTime();
        Optional<Long> started = nodePresence.sessionStarted(session.nodeId(), hello);
        if (started.isEmpty()) {
            session.error("node_removed", "this node does not exist any more", null);
            session.close(AgentSession.REMOVED);
            return;
        }
        long epoch = started.get();
        if (!presence.claim(session.nodeId(), epoch)) {
            session.stale(); // a newer session of the node won the race, or the node was removed meanwhile
            return;
        }
        session.welcomed(epoch);
        session.verified();
        session.servers().addAll(commands.serversOf(session.nodeId()));
        sessions.becameCurrent(session);
        session.send(AgentProtocol.encode(new Welcome(session.nodeId().toString(), epoch,
                presenceSettings.heartbeatSeconds(), AgentProtocol.VERSION)));
        log.info("node {} connected (session {}, epoch {}, agent {})", session.nodeId(), session.id(), epoch,
                hello.agentVersion());
        commands.open(session);
        hellos.record(System.nanoTime() - began, TimeUnit.NANOSECONDS);
    }

    private void heartbeat(AgentSession session, Heartbeat heartbeat) {
        long started = System.nanoTime();
        switch (presence.beat(session.nodeId(), session.epoch(), heartbeat)) {
            case STALE -> {
                commands.close(session);
                session.stale();
                return;
            }
            case REMOVED -> {
                commands.close(session);
                session.removed();
                return;
            }
            case REVIVED -> {
                session.verified();
                nodePresence.revived(session.nodeId(), session.epoch());
            }
            case OK -> session.verified();
        }
        usage.record(session.nodeId(), session.epoch(), heartbeat);
        heartbeats.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private void inventory(AgentSession session, Inventory inventory) throws InterruptedException {
        reports.write(session.nodeId(), new AgentInventoryReported(session.nodeId(), session.epoch(),
                inventory.containers(), Instant.now()));
    }

    private void ack(AgentSession session, Ack ack) {
        if (!commands.acked(session, ack)) {
            session.error("unknown_command", "no command '" + ack.commandId() + "' waits for this session",
                    ack.commandId());
        }
    }

    private void result(AgentSession session, CommandResult result) {
        switch (commands.completed(session, result)) {
            case COMPLETED -> {
            }
            case UNKNOWN_COMMAND -> session.error("unknown_command",
                    "no command '" + result.commandId() + "' waits for a result in this session", result.commandId());
            case STALE -> {
                commands.close(session);
                session.stale();
            }
        }
    }

    private void containerEvent(AgentSession session, ContainerEvent event) throws InterruptedException {
        if (!knownServer(session, event.serverId())) {
            return;
        }
        reports.write(session.nodeId(), new AgentContainerEventReported(session.nodeId(), event.serverId(),
                event.event(), event.exitCode(), event.causedByAgent(), event.at(), event.message()));
    }

    /** An agent reports only about servers placed on its node; anything else is refused (not counted). */
    private boolean knownServer(AgentSession session, String serverId) {
        if (session.servers().contains(serverId)) {
            return true;
        }
        session.error("unknown_server", "server '" + serverId + "' is not on this node", serverId);
        return false;
    }
}
