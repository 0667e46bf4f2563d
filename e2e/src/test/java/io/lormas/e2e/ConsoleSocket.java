package io.lormas.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The console WebSocket of one server, opened through the gateway as a browser does (token in the query). */
final class ConsoleSocket implements AutoCloseable {

    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    ConsoleSocket(String serverId, String token) throws Exception {
        URI uri = URI.create(RunningPlatform.URL.replace("http://", "ws://") + "/api/servers/" + serverId
                + "/console?access_token=" + token);
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(partial.toString());
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
    }

    void send(String line) {
        socket.sendText(Api.JSON.writeValueAsString(java.util.Map.of("event", "input", "data", line)), true).join();
    }

    /** Waits for a frame containing {@code text}. */
    String awaitFrame(String text, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (String frame : frames) {
                if (frame.contains(text)) {
                    return frame;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no console frame with '" + text + "' within " + timeout + "; frames: " + frames);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
