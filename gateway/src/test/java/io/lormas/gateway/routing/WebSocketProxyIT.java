package io.lormas.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

import io.lormas.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebSocketProxyIT extends GatewayIntegrationTest {

    private final ReactorNettyWebSocketClient webSockets = new ReactorNettyWebSocketClient();

    @Test
    void carriesAgentFramesBothWays() {
        String token = TOKENS.agent(UUID.randomUUID()).sign();
        List<String> frames = exchangeFrames("/agent/connect", bearer(token), "{\"type\":\"heartbeat\"}");

        Map<String, Object> hello = json(frames.get(0).getBytes());
        assertThat(hello).containsEntry("event", "hello").containsEntry("service", "node");
        assertThat(upstreamHeaders(hello).get("authorization")).containsExactly("Bearer " + token);
        assertThat(frames.get(1)).isEqualTo("echo:{\"type\":\"heartbeat\"}");
    }

    @Test
    void refusesUnauthenticatedUpgrade() {
        assertThatThrownBy(() -> exchangeFrames("/agent/connect", new HttpHeaders(), "hi"))
                .isInstanceOfSatisfying(WebSocketClientHandshakeException.class,
                        failure -> assertThat(failure.response().status().code()).isEqualTo(401));
        assertThatThrownBy(() -> exchangeFrames("/api/servers/" + UUID.randomUUID() + "/console", new HttpHeaders(), "hi"))
                .isInstanceOfSatisfying(WebSocketClientHandshakeException.class,
                        failure -> assertThat(failure.response().status().code()).isEqualTo(401));
    }

    @Test
    void refusesAgentDoorToUsersAndConsoleToAgents() {
        assertThatThrownBy(() -> exchangeFrames("/agent/connect", bearer(userToken()), "hi"))
                .isInstanceOfSatisfying(WebSocketClientHandshakeException.class,
                        failure -> assertThat(failure.response().status().code()).isEqualTo(403));
        String agent = TOKENS.agent(UUID.randomUUID()).sign();
        assertThatThrownBy(() -> exchangeFrames("/api/servers/" + UUID.randomUUID() + "/console", bearer(agent), "hi"))
                .isInstanceOfSatisfying(WebSocketClientHandshakeException.class,
                        failure -> assertThat(failure.response().status().code()).isEqualTo(403));
    }

    @Test
    void acceptsConsoleTokenInQueryAndMovesItToAuthorizationHeader() {
        String token = userToken();
        String server = UUID.randomUUID().toString();
        List<String> frames = exchangeFrames("/api/servers/" + server + "/console?access_token=" + token + "&tail=50",
                new HttpHeaders(), "{\"event\":\"input\",\"data\":\"say hi\"}");

        Map<String, Object> hello = json(frames.get(0).getBytes());
        // the token left the URL before anything could log it
        assertThat(hello).containsEntry("service", "deploy").containsEntry("uri", "/api/servers/" + server + "/console?tail=50");
        assertThat(upstreamHeaders(hello).get("authorization")).containsExactly("Bearer " + token);
        assertThat(frames.get(1)).isEqualTo("echo:{\"event\":\"input\",\"data\":\"say hi\"}");
    }

    @Test
    void closesIdleSessions() {
        AtomicReference<CloseStatus> closed = new AtomicReference<>();
        AtomicLong lastFrame = new AtomicLong();
        webSockets.execute(webSocketUri("/agent/connect"), bearer(TOKENS.agent(UUID.randomUUID()).sign()),
                        session -> session.receive().doOnNext(frame -> lastFrame.set(System.nanoTime())).then()
                                .and(session.closeStatus().doOnNext(closed::set)))
                .block(Duration.ofSeconds(20));
        long ended = System.nanoTime();

        // silent for the idle timeout (1.5 s in tests) after the upstream's hello, then closed by the gateway
        assertThat(Duration.ofNanos(ended - lastFrame.get())).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
        // with 1001 when the close frame reaches the client before the connection is torn down
        if (closed.get() != null) {
            assertThat(closed.get().getCode()).isEqualTo(CloseStatus.GOING_AWAY.getCode());
        }
    }

    @Test
    void closesSessionsSendingOversizedFrames() {
        AtomicReference<CloseStatus> closed = new AtomicReference<>();
        webSockets.execute(webSocketUri("/agent/connect"), bearer(TOKENS.agent(UUID.randomUUID()).sign()),
                        session -> session.send(Mono.just(session.textMessage("x".repeat(8192))))
                                .then(session.receive().then())
                                .and(session.closeStatus().doOnNext(closed::set)))
                .block(Duration.ofSeconds(10));

        assertThat(closed.get().getCode()).isEqualTo(CloseStatus.TOO_BIG_TO_PROCESS.getCode());
    }

    /** Connects, sends one text frame, and returns the first two frames received (hello and the echo). */
    private List<String> exchangeFrames(String path, HttpHeaders headers, String frame) {
        List<String> received = new CopyOnWriteArrayList<>();
        webSockets.execute(webSocketUri(path), headers, session -> session.send(Mono.just(session.textMessage(frame)))
                        .thenMany(session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(received::add).take(2))
                        .then())
                .block(Duration.ofSeconds(10));
        assertThat(received).hasSize(2);
        return received;
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }
}
