package io.lormas.deploy.console;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.contracts.agent.Command;
import io.lormas.contracts.identity.Permissions;
import io.lormas.deploy.activity.ActivityLog;
import io.lormas.deploy.activity.Actor;
import io.lormas.deploy.server.AgentCommands;
import io.lormas.deploy.server.ServerAccess;
import io.lormas.deploy.server.ServerRow;
import io.lormas.deploy.server.ServerState;
import io.lormas.deploy.server.Servers;
import io.lormas.platform.security.LormasPrincipal;

/**
 * {@code WS /api/servers/{id}/console}. On connect: the server's state and its last lines. Then every frame
 * node-service fans out for the server ({@code console}, {@code stats}, {@code state}). Client frames
 * {@code {"event":"input","data":"..."}} need {@code control.command} and become {@code console_input} commands
 * through the outbox. Problems are answered with {@code {"event":"error","message":"..."}}; the connection is closed
 * (4401) when the token expires and (4403) when the caller lost access.
 */
@Component
class ConsoleHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ConsoleHandler.class);
    static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4401, "token expired");
    static final CloseStatus ACCESS_LOST = new CloseStatus(4403, "access to the console was revoked");
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT = 512 * 1024;

    private final ConsoleFanout fanout;
    private final StringRedisTemplate redis;
    private final Servers servers;
    private final ServerAccess access;
    private final AgentCommands commands;
    private final ActivityLog activity;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final ConsoleSettings settings;
    private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, RateLimit> limits = new ConcurrentHashMap<>();

    ConsoleHandler(ConsoleFanout fanout, StringRedisTemplate redis, Servers servers, ServerAccess access,
            AgentCommands commands, ActivityLog activity, TransactionTemplate transactions, JsonMapper json,
            ConsoleSettings settings) {
        this.fanout = fanout;
        this.redis = redis;
        this.servers = servers;
        this.access = access;
        this.commands = commands;
        this.activity = activity;
        this.transactions = transactions;
        this.json = json;
        this.settings = settings;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        WebSocketSession session = new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS, BUFFER_LIMIT);
        sessions.put(raw.getId(), session);
        limits.put(raw.getId(), new RateLimit(settings.inputRate()));
        UUID serverId = serverId(raw);
        // Subscribe first, then read the recent lines: a line may arrive twice, none is lost in between.
        fanout.join(serverId, session);
        servers.findById(serverId).ifPresent(row -> ConsoleFanout.send(session,
                frame(Map.of("event", "state", "state", io.lormas.deploy.server.Server.from(row).state().wire()))));
        try {
            List<String> recent = redis.opsForList().range(ConsoleChannels.recent(serverId), -settings.recent(), -1);
            if (recent != null && !recent.isEmpty()) {
                ConsoleFanout.send(session, frame(Map.of("event", "console", "lines", recent)));
            }
            String stats = redis.opsForValue().get(ConsoleChannels.stats(serverId));
            if (stats != null) {
                ConsoleFanout.send(session, new TextMessage(stats)); // node-service keeps the last stats frame
            }
        } catch (RuntimeException e) {
            log.debug("recent console lines of {} unavailable: {}", serverId, e.toString());
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
        WebSocketSession session = sessions.getOrDefault(raw.getId(), raw);
        JsonNode frame;
        try {
            frame = json.readTree(message.getPayload());
        } catch (RuntimeException e) {
            error(session, "frames must be JSON objects such as {\"event\":\"input\",\"data\":\"say hi\"}");
            return;
        }
        String event = frame.path("event").asString("");
        if (!"input".equals(event)) {
            error(session, "unknown event '" + event + "'; clients send only 'input'");
            return;
        }
        String data = frame.path("data").isString() ? frame.path("data").asString() : null;
        if (data == null || data.isEmpty() || data.length() > Command.MAX_INPUT_LENGTH || data.indexOf('\n') >= 0
                || data.indexOf('\r') >= 0) {
            error(session, "'data' must be one line of 1 to " + Command.MAX_INPUT_LENGTH + " characters");
            return;
        }
        RateLimit limit = limits.get(raw.getId());
        if (limit != null && !limit.take()) {
            error(session, "too many lines; at most " + settings.inputRate() + " per second");
            return;
        }
        input(session, data);
    }

    private void input(WebSocketSession session, String line) {
        UUID serverId = serverId(session);
        LormasPrincipal principal = principal(session);
        ServerRow row = servers.findById(serverId).orElse(null);
        if (row == null) {
            close(session, ACCESS_LOST);
            return;
        }
        if (!access.can(principal, Permissions.CONTROL_COMMAND, row.id(), row.ownerId())) {
            error(session, "sending commands needs the permission '" + Permissions.CONTROL_COMMAND + "'");
            return;
        }
        ServerState state = io.lormas.deploy.server.Server.from(row).state();
        if (state != ServerState.RUNNING && state != ServerState.STARTING) {
            error(session, "the server is " + state.wire() + "; commands reach only a running server");
            return;
        }
        Actor actor = Actor.of(principal, remoteAddress(session),
                (String) session.getAttributes().get(ConsoleHandshake.REQUEST_ID));
        transactions.executeWithoutResult(status -> {
            UUID commandId = commands.consoleInput(row.id(), row.nodeId(), line);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("commandId", commandId.toString());
            details.put("line", line.length() > 200 ? line.substring(0, 200) + "..." : line);
            activity.record(row.id(), row.ownerId(), "server.console.input", actor, details);
        });
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        WebSocketSession session = sessions.remove(raw.getId());
        limits.remove(raw.getId());
        fanout.leave(serverId(raw), session == null ? raw : session);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("console connection {} failed: {}", session.getId(), exception.toString());
    }

    /** Closes connections whose token expired or whose caller lost the console permission. */
    @Scheduled(fixedDelayString = "${lormas.deploy.console.access-recheck:30s}")
    void recheck() {
        Instant now = Instant.now();
        for (WebSocketSession session : List.copyOf(sessions.values())) {
            if (!session.isOpen()) {
                continue;
            }
            Instant expiresAt = (Instant) session.getAttributes().get(ConsoleHandshake.EXPIRES_AT);
            if (expiresAt != null && now.isAfter(expiresAt)) {
                close(session, TOKEN_EXPIRED);
                continue;
            }
            UUID serverId = serverId(session);
            ServerRow row = servers.findById(serverId).orElse(null);
            if (row == null || !access.can(principal(session), Permissions.CONTROL_CONSOLE, row.id(), row.ownerId())) {
                close(session, ACCESS_LOST);
            }
        }
    }

    private static void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (Exception e) {
            log.debug("closing console connection {}: {}", session.getId(), e.toString());
        }
    }

    private void error(WebSocketSession session, String message) {
        ConsoleFanout.send(session, frame(Map.of("event", "error", "message", message)));
    }

    private TextMessage frame(Map<String, ?> content) {
        return new TextMessage(json.writeValueAsString(content));
    }

    private static UUID serverId(WebSocketSession session) {
        return (UUID) session.getAttributes().get(ConsoleHandshake.SERVER_ID);
    }

    private static LormasPrincipal principal(WebSocketSession session) {
        return (LormasPrincipal) session.getAttributes().get(ConsoleHandshake.PRINCIPAL);
    }

    private static String remoteAddress(WebSocketSession session) {
        return session.getRemoteAddress() == null ? null : session.getRemoteAddress().getAddress().getHostAddress();
    }

    /** A token bucket per connection: {@code perSecond} lines, refilled continuously. */
    static final class RateLimit {

        private final double perSecond;
        private double tokens;
        private long last = System.nanoTime();

        RateLimit(int perSecond) {
            this.perSecond = perSecond;
            this.tokens = perSecond;
        }

        synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(perSecond, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
