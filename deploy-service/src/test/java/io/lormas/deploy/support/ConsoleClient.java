package io.lormas.deploy.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.testkit.Awaits;

/** A browser's console connection: frames received in order, input sent as the SPA would. */
public final class ConsoleClient implements AutoCloseable, WebSocket.Listener {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    public volatile int closeCode = -1;
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private ConsoleClient(String url, String tokenHeader) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (tokenHeader != null) {
            builder.header("Authorization", "Bearer " + tokenHeader);
        }
        try {
            socket = builder.buildAsync(URI.create(url), this).get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                throw new IllegalStateException("handshake refused with " + refused.getResponse().statusCode());
            }
            throw e;
        }
    }

    /** Token in {@code ?access_token=} as browsers send it. */
    public static ConsoleClient withQueryToken(int port, java.util.UUID serverId, String token) throws Exception {
        return new ConsoleClient("ws://127.0.0.1:" + port + "/api/servers/" + serverId + "/console?access_token=" + token,
                null);
    }

    /** Token in the Authorization header. */
    public static ConsoleClient withHeader(int port, java.util.UUID serverId, String token) throws Exception {
        return new ConsoleClient("ws://127.0.0.1:" + port + "/api/servers/" + serverId + "/console", token);
    }

    public void input(String line) {
        socket.sendText(JSON.writeValueAsString(java.util.Map.of("event", "input", "data", line)), true).join();
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    public JsonNode await(String what, Predicate<JsonNode> frame) {
        Awaits.until(World.TIMEOUT, what, () -> frames.stream().anyMatch(frame));
        return frames.stream().filter(frame).findFirst().orElseThrow();
    }

    /** Waits for a console frame holding a line. */
    public void awaitLine(String line) {
        await("console line '" + line + "'", f -> "console".equals(f.path("event").asString())
                && f.path("lines").valueStream().anyMatch(l -> line.equals(l.asString())));
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
