package io.lormas.node.session;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import io.lormas.contracts.agent.AgentProtocol;
import io.lormas.contracts.agent.ProtocolError;
import io.lormas.node.command.AgentLink;

/**
 * One agent's WebSocket session on this replica. Frames arrive one at a time (the container serialises them);
 * frames out go through one ordered queue, written by one virtual thread at a time, so a slow agent never blocks
 * whoever sends to it (Pulsar's listener threads deliver commands for every node).
 */
final class AgentSession implements AgentLink {

    /** Another session of the node took over. */
    static final CloseStatus REPLACED = new CloseStatus(4001, "session replaced by a newer one");
    /** No heartbeat within the presence TTL. */
    static final CloseStatus HEARTBEAT_TIMEOUT = new CloseStatus(4002, "heartbeat timeout");
    /** The node was removed; its credentials are revoked. */
    static final CloseStatus REMOVED = new CloseStatus(4003, "node removed");
    static final CloseStatus MALFORMED = CloseStatus.PROTOCOL_ERROR.withReason("too many malformed frames");
    static final CloseStatus TOO_BIG = CloseStatus.TOO_BIG_TO_PROCESS.withReason("frame too large");
    static final CloseStatus TOO_SLOW = CloseStatus.POLICY_VIOLATION.withReason("agent does not read its frames");

    private static final Logger log = LoggerFactory.getLogger(AgentSession.class);

    private final WebSocketSession socket;
    private final UUID nodeId;
    private final FrameAssembler assembler;
    private final Executor writers;
    private final int queueLimit;
    private final ConcurrentLinkedQueue<Object> outbound = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final Set<String> servers = ConcurrentHashMap.newKeySet();
    private volatile long epoch = -1;
    private volatile boolean stale;
    private volatile boolean closing;
    private volatile long verifiedAt = System.nanoTime() - java.util.concurrent.TimeUnit.HOURS.toNanos(1);
    private int malformedInARow;

    AgentSession(WebSocketSession socket, UUID nodeId, long maxFrameBytes, Executor writers, int queueLimit) {
        this.socket = socket;
        this.nodeId = nodeId;
        this.assembler = new FrameAssembler(maxFrameBytes);
        this.writers = writers;
        this.queueLimit = queueLimit;
    }

    @Override
    public UUID nodeId() {
        return nodeId;
    }

    @Override
    public long epoch() {
        return epoch;
    }

    String id() {
        return socket.getId();
    }

    FrameAssembler assembler() {
        return assembler;
    }

    boolean welcomed() {
        return epoch >= 0;
    }

    void welcomed(long sessionEpoch) {
        this.epoch = sessionEpoch;
    }

    boolean isStale() {
        return stale;
    }

    /** Counts a malformed frame; true when the limit in a row is reached. */
    boolean malformed(int limit) {
        return ++malformedInARow >= limit;
    }

    void wellFormed() {
        malformedInARow = 0;
    }

    @Override
    public long verifiedAt() {
        return verifiedAt;
    }

    @Override
    public void verified() {
        verifiedAt = System.nanoTime();
    }

    @Override
    public Set<String> servers() {
        return servers;
    }

    @Override
    public boolean isOpen() {
        return !closing && socket.isOpen();
    }

    @Override
    public boolean send(String frame) {
        return enqueue(frame);
    }

    void error(String code, String message, @org.jspecify.annotations.Nullable String ref) {
        enqueue(AgentProtocol.encode(new ProtocolError(code, message, ref)));
    }

    @Override
    public void stale() {
        if (!stale) {
            stale = true;
            log.info("session {} of node {} (epoch {}) is stale: another session took over", id(), nodeId, epoch);
        }
        error("stale_session", "this session of the node was replaced by a newer one; frames are refused", null);
        close(REPLACED);
    }

    @Override
    public void removed() {
        error("node_removed", "this node was removed; its credentials are revoked", null);
        close(REMOVED);
    }

    /** Closes after the frames already queued (e.g. the error frame explaining why). */
    void close(CloseStatus status) {
        if (closing) {
            return;
        }
        closing = true;
        outbound.add(status);
        queued.incrementAndGet();
        drain();
    }

    /** Closes now, without flushing (shutdown). */
    void closeNow(CloseStatus status) {
        closing = true;
        try {
            socket.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("closing session {}: {}", id(), e.toString());
        }
    }

    private boolean enqueue(String frame) {
        if (closing || !socket.isOpen()) {
            return false;
        }
        if (queued.incrementAndGet() > queueLimit) {
            queued.decrementAndGet();
            log.warn("node {}: {} frames wait for the agent; closing its session", nodeId, queueLimit);
            close(TOO_SLOW);
            return false;
        }
        outbound.add(frame);
        drain();
        return true;
    }

    private void drain() {
        if (writing.compareAndSet(false, true)) {
            writers.execute(this::write);
        }
    }

    private void write() {
        try {
            while (true) {
                Object next = outbound.poll();
                if (next == null) {
                    writing.set(false);
                    // A frame may have been queued after poll() and before the flag was cleared.
                    if (outbound.isEmpty() || !writing.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                queued.decrementAndGet();
                if (next instanceof CloseStatus status) {
                    outbound.clear();
                    socket.close(status);
                    return;
                }
                if (socket.isOpen()) {
                    socket.sendMessage(new TextMessage((String) next));
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("writing to session {} of node {} failed: {}", id(), nodeId, e.toString());
            outbound.clear();
            closeNow(CloseStatus.SERVER_ERROR.withReason("write failed"));
        }
    }

    @Override
    public String toString() {
        return "AgentSession[" + id() + ", node " + nodeId + ", epoch " + epoch + "]";
    }
}
