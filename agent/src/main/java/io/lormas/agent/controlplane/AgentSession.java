package io.lormas.agent.controlplane;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.lormas.agent.config.ControlPlaneSettings;
import io.lormas.contracts.agent.AgentMessage;
import io.lormas.contracts.agent.AgentProtocol;
import io.lormas.contracts.agent.CommandResult;
import io.lormas.contracts.agent.Console;
import io.lormas.contracts.agent.ProtocolError;
import io.lormas.contracts.agent.Stats;
import io.lormas.contracts.agent.Welcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket session with the control plane (JDK {@code java.net.http.WebSocket}, see ADR): frames in are
 * assembled under the size limit and handed on one at a time; frames out go through a bounded queue and one
 * writer, since the JDK allows one send at a time. Console and stats frames give way first when the queue
 * fills up.
 */
final class AgentSession implements WebSocket.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(AgentSession.class);

    /** Handles one complete inbound text frame; called on the WebSocket's thread, one frame at a time. */
    interface Inbound {
        void frame(AgentSession session, String text);
    }

    private record Outgoing(String text, @Nullable String resultId) {
    }

    private final ControlPlaneSettings settings;
    private final Inbound inbound;
    private final Consumer<String> resultSent;
    private final FrameAssembler assembler;
    private final BlockingQueue<Outgoing> queue;
    private final CompletableFuture<Welcome> welcome = new CompletableFuture<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile long lastInboundNanos = System.nanoTime();
    private volatile @Nullable WebSocket socket;
    private boolean binaryRefused;

    AgentSession(ControlPlaneSettings settings, Inbound inbound, Consumer<String> resultSent) {
        this.settings = settings;
        this.inbound = inbound;
        this.resultSent = resultSent;
        this.assembler = new FrameAssembler(settings.maxFrameBytes());
        this.queue = new LinkedBlockingQueue<>(Math.max(16, settings.outboundFrames()));
    }

    /**
     * Opens the WebSocket with the bearer token and starts the writer.
     *
     * @throws ControlPlaneUnavailable when the upgrade fails; {@code refused()} when the answer was 401/403
     */
    void open(HttpClient http, URI uri, String token) {
        try {
            socket = http.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .connectTimeout(settings.connectTimeout())
                    .buildAsync(uri, this)
                    .get(settings.connectTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WebSocketHandshakeException handshake) {
                int status = handshake.getResponse().statusCode();
                throw new ControlPlaneUnavailable("the control plane refused the WebSocket upgrade with HTTP " + status,
                        status == 401 || status == 403, cause);
            }
            throw new ControlPlaneUnavailable("cannot connect to " + uri + ": " + cause, false, e);
        } catch (TimeoutException e) {
            throw new ControlPlaneUnavailable("connecting to " + uri + " timed out", false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlPlaneUnavailable("connecting was interrupted", false, e);
        }
        Thread.ofVirtual().name("control-plane-writer").start(this::writeLoop);
    }

    /** Queues a frame; false when it was dropped (queue full, or a console/stats frame under pressure). */
    boolean enqueue(AgentMessage.FromAgent frame) {
        if (closed.isDone()) {
            return false;
        }
        boolean droppable = frame instanceof Console || frame instanceof Stats;
        if (droppable && queue.remainingCapacity() < settings.outboundFrames() / 4) {
            dropped.incrementAndGet();
            return false;
        }
        String resultId = frame instanceof CommandResult result ? result.commandId() : null;
        if (!queue.offer(new Outgoing(AgentProtocol.encode(frame), resultId))) {
            dropped.incrementAndGet();
            LOG.warn("outbound queue full: dropped a {} frame", frame.getClass().getSimpleName());
            return false;
        }
        return true;
    }

    private void writeLoop() {
        Duration timeout = settings.sendTimeout();
        try {
            while (!closed.isDone()) {
                Outgoing next = queue.poll(1, TimeUnit.SECONDS);
                if (next == null) {
                    continue;
                }
                WebSocket ws = socket;
                if (ws == null) {
                    return;
                }
                ws.sendText(next.text(), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (next.resultId() != null) {
                    resultSent.accept(next.resultId());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            abort("sending failed: " + e);
        }
    }

    Welcome awaitWelcome(Duration timeout) {
        try {
            return CompletableFuture.anyOf(welcome, closed).thenApply(ignored -> {
                if (welcome.isDone()) {
                    return welcome.join();
                }
                throw new ControlPlaneUnavailable("the session closed before welcome: " + closed.join(), false);
            }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ControlPlaneUnavailable("no welcome within " + timeout.toSeconds() + " s", false, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ControlPlaneUnavailable unavailable ? unavailable
                    : new ControlPlaneUnavailable("waiting for welcome failed: " + e.getCause(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlPlaneUnavailable("interrupted", false, e);
        }
    }

    void welcomed(Welcome message) {
        welcome.complete(message);
    }

    /** Waits until the session closes or the time passes; true when closed. */
    boolean awaitClosed(Duration timeout) throws InterruptedException {
        try {
            closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    boolean isClosed() {
        return closed.isDone();
    }

    String closeReason() {
        return closed.getNow("open");
    }

    Duration silence() {
        return Duration.ofNanos(System.nanoTime() - lastInboundNanos);
    }

    long dropped() {
        return dropped.get();
    }

    void ping() {
        WebSocket ws = socket;
        if (ws != null && !closed.isDone()) {
            try {
                ws.sendPing(ByteBuffer.allocate(0));
            } catch (RuntimeException e) {
                abort("ping failed: " + e);
            }
        }
    }

    void abort(String reason) {
        if (closed.complete(reason)) {
            LOG.info("control-plane session ended: {}", reason);
        }
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    /** Ends the session politely: a close frame, then the connection. */
    void close(String reason) {
        WebSocket ws = socket;
        if (ws != null && !closed.isDone()) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, reason).get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("close frame not sent: {}", e.toString());
            }
        }
        abort(reason);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        lastInboundNanos = System.nanoTime();
        try {
            switch (assembler.append(data, last)) {
                case FrameAssembler.Complete complete -> inbound.frame(this, complete.frame());
                case FrameAssembler.Oversized oversized -> {
                    LOG.warn("refused a frame of {} bytes (limit {})", oversized.bytes(), settings.maxFrameBytes());
                    enqueue(new ProtocolError("too_large", "frame of " + oversized.bytes() + " bytes exceeds the limit of "
                            + settings.maxFrameBytes() + " bytes; it was not read", null));
                }
                case FrameAssembler.Partial partial -> {
                    // wait for the rest
                }
            }
        } catch (RuntimeException e) {
            // Never let one frame end the session.
            LOG.error("handling a frame failed", e);
            enqueue(new ProtocolError("internal_error", "the agent could not handle the frame: " + e, null));
        } finally {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        lastInboundNanos = System.nanoTime();
        if (!binaryRefused) {
            binaryRefused = true;
            enqueue(new ProtocolError("unsupported", "binary frames are not part of the agent protocol", null));
        }
        if (last) {
            binaryRefused = false;
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public @Nullable CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        lastInboundNanos = System.nanoTime();
        webSocket.request(1);
        return null; // the JDK answers with a pong itself
    }

    @Override
    public @Nullable CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        lastInboundNanos = System.nanoTime();
        webSocket.request(1);
        return null;
    }

    @Override
    public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete("closed by the control plane (" + statusCode + (reason.isBlank() ? "" : " " + reason) + ")");
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete("connection failed: " + error);
    }
}
