package io.lormas.node.session;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import io.lormas.node.presence.NodePresence;

/**
 * {@code /agent/connect} after the upgrade: assembles frames (partial messages, so Tomcat's buffers stay small
 * while frames up to {@code max-frame-size} are accepted; above it the session closes with 1009) and hands whole
 * frames to {@link AgentConversation}.
 */
@Component
class AgentSocketHandler extends AbstractWebSocketHandler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AgentSocketHandler.class);
    static final String SESSION = "lormas.agentSession";

    private final AgentSettings settings;
    private final AgentConversation conversation;
    private final LocalSessions sessions;
    private final NodePresence nodePresence;
    /** Writers of all sessions: a virtual thread per session only while it has frames to write. */
    private final ExecutorService writers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("agent-writer-", 0).factory());

    AgentSocketHandler(AgentSettings settings, AgentConversation conversation, LocalSessions sessions,
            NodePresence nodePresence) {
        this.settings = settings;
        this.conversation = conversation;
        this.sessions = sessions;
        this.nodePresence = nodePresence;
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        UUID nodeId = (UUID) socket.getAttributes().get(AgentHandshake.NODE_ID);
        AgentSession session = new AgentSession(socket, nodeId, settings.maxFrameSize().toBytes(), writers,
                settings.sendQueueLimit());
        socket.getAttributes().put(SESSION, session);
        sessions.opened(session);
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        AgentSession session = session(socket);
        if (session == null) {
            return;
        }
        String frame = session.assembler().append(message.getPayload(), message.isLast());
        if (frame == FrameAssembler.OVERSIZED) {
            log.info("closing the session of node {}: a frame exceeded {}", session.nodeId(), settings.maxFrameSize());
            session.closeNow(AgentSession.TOO_BIG);
            return;
        }
        if (frame != null) {
            conversation.onFrame(session, frame);
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession socket, BinaryMessage message) {
        AgentSession session = session(socket);
        if (session == null) {
            return;
        }
        if (session.assembler().countBinary(message.getPayloadLength(), message.isLast())) {
            session.closeNow(AgentSession.TOO_BIG);
        } else if (message.isLast()) {
            conversation.onBinary(session);
        }
    }

    @Override
    public void handleTransportError(WebSocketSession socket, Throwable exception) {
        log.debug("transport error on agent session {}: {}", socket.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        AgentSession session = session(socket);
        if (session == null) {
            return;
        }
        sessions.closed(session);
        // An agent that says goodbye (1000) is offline now; a dropped connection gets its heartbeat TTL to come
        // back (a restart of node-service or the gateway must not flap every node).
        if (status.getCode() == CloseStatus.NORMAL.getCode() && session.welcomed() && !session.isStale()
                && !sessions.stopping()) {
            try {
                if (nodePresence.wentOffline(session.nodeId(), session.epoch(), "disconnected")) {
                    log.info("node {} disconnected", session.nodeId());
                }
            } catch (RuntimeException e) {
                log.warn("node {} disconnected, marking it offline failed (the sweeper will): {}", session.nodeId(),
                        e.toString());
            }
        }
    }

    private static AgentSession session(WebSocketSession socket) {
        return (AgentSession) socket.getAttributes().get(SESSION);
    }

    @Override
    public void destroy() {
        writers.shutdownNow();
    }
}
