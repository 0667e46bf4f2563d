package io.lormas.node.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.lormas.node.command.CommandDelivery;
import io.lormas.node.node.NodeDeleted;
import io.lormas.node.presence.Presence;
import io.lormas.node.presence.PresenceExpired;

/**
 * The agent sessions this replica holds, and what closes them from elsewhere: a newer session of the same node
 * (announced through Redis by whichever replica accepted it), the node's removal, expired presence. A periodic
 * check against Redis catches announcements this replica missed.
 */
@Component
class LocalSessions implements MessageListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LocalSessions.class);

    private final Set<AgentSession> all = ConcurrentHashMap.newKeySet();
    private final Map<UUID, AgentSession> current = new ConcurrentHashMap<>();
    private final Presence presence;
    private final CommandDelivery commands;
    private volatile boolean running;

    LocalSessions(Presence presence, CommandDelivery commands, MeterRegistry meters) {
        this.presence = presence;
        this.commands = commands;
        Gauge.builder("lormas.node.sessions", all, Set::size).description("Agent WebSocket sessions on this replica")
                .register(meters);
        Gauge.builder("lormas.node.sessions.welcomed", current, Map::size)
                .description("Agent sessions past hello on this replica").register(meters);
    }

    void opened(AgentSession session) {
        all.add(session);
    }

    /** The session was welcomed as its node's current one; an older one of the same node here is stale. */
    void becameCurrent(AgentSession session) {
        AgentSession previous = current.put(session.nodeId(), session);
        if (previous != null && previous != session && previous.epoch() < session.epoch()) {
            commands.close(previous);
            previous.stale();
        } else if (previous != null && previous.epoch() > session.epoch()) {
            current.put(session.nodeId(), previous); // lost a race to a newer session
            commands.close(session);
            session.stale();
        }
    }

    void closed(AgentSession session) {
        all.remove(session);
        current.remove(session.nodeId(), session);
        commands.close(session);
    }

    int count() {
        return all.size();
    }

    /** Redis notices: "{@code <nodeId> <epoch>}" (a session took over) or "{@code <nodeId> removed}". */
    @Override
    public void onMessage(Message message, byte @Nullable [] pattern) {
        String[] notice = new String(message.getBody(), StandardCharsets.UTF_8).split(" ", 2);
        if (notice.length != 2) {
            return;
        }
        UUID nodeId;
        try {
            nodeId = UUID.fromString(notice[0]);
        } catch (IllegalArgumentException e) {
            return;
        }
        AgentSession session = current.get(nodeId);
        if (session == null) {
            return;
        }
        if ("removed".equals(notice[1])) {
            removed(session);
            return;
        }
        try {
            if (Long.parseLong(notice[1]) > session.epoch()) {
                commands.close(session);
                session.stale();
            }
        } catch (NumberFormatException e) {
            log.debug("ignoring session notice {}", (Object) notice);
        }
    }

    /** After the node's deletion committed: revoke in Redis, which tells every replica (this one too). */
    @TransactionalEventListener
    void on(NodeDeleted deleted) {
        presence.revoke(deleted.nodeId());
    }

    @EventListener
    void on(PresenceExpired expired) {
        AgentSession session = current.get(expired.nodeId());
        if (session != null && session.epoch() <= expired.epoch()) {
            log.info("closing the session of node {}: no heartbeat in time", expired.nodeId());
            commands.close(session);
            session.error("heartbeat_timeout", "no heartbeat in time: the node was marked offline", null);
            session.close(AgentSession.HEARTBEAT_TIMEOUT);
        }
    }

    /** Catches notices this replica missed (pub/sub is fire and forget). */
    @Scheduled(fixedDelayString = "${lormas.node.agent.session-check-interval:15s}")
    void checkCurrent() {
        List<AgentSession> sessions = new ArrayList<>(current.values());
        for (int from = 0; from < sessions.size(); from += 1000) {
            List<AgentSession> chunk = sessions.subList(from, Math.min(sessions.size(), from + 1000));
            try {
                Map<UUID, Long> epochs = presence.currentEpochs(chunk.stream().map(AgentSession::nodeId).toList());
                for (AgentSession session : chunk) {
                    Long epoch = epochs.get(session.nodeId());
                    if (epoch == null || epoch == session.epoch()) {
                        continue;
                    }
                    if (epoch < 0) {
                        removed(session);
                    } else if (epoch > session.epoch()) {
                        commands.close(session);
                        session.stale();
                    }
                }
            } catch (RuntimeException e) {
                log.warn("checking {} sessions against Redis failed: {}", chunk.size(), e.toString());
            }
        }
    }

    private void removed(AgentSession session) {
        log.info("closing the session of removed node {}", session.nodeId());
        commands.close(session);
        session.removed();
    }

    @Override
    public void start() {
        running = true;
    }

    /** Shutdown: agents are told to go away and reconnect (to another replica); their commands follow them. */
    @Override
    public void stop() {
        running = false;
        int count = all.size();
        for (AgentSession session : all) {
            commands.close(session);
            session.closeNow(org.springframework.web.socket.CloseStatus.GOING_AWAY.withReason("node-service stopping"));
        }
        if (count > 0) {
            log.info("closed {} agent sessions for shutdown", count);
        }
    }

    boolean stopping() {
        return !running;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50; // before the outbox relay, the web server and the Pulsar client stop
    }
}
