package io.lormas.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.lormas.testkit.Ports;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real upstream servers for the gateway's tests, one per service, on random loopback ports (Reactor Netty). Each
 * answers any HTTP request with a JSON echo of what it received ({@code service, method, path, query, headers,
 * bodyBytes}) and speaks WebSocket on {@code /agent/connect} and {@code /api/servers/{id}/console}: a
 * {@code hello} frame describing the handshake, then {@code echo:<text>} for every text frame. Special paths:
 * {@code GET /api/billing/slow} answers after 3 s; {@code /api/catalog/flaky/<key>} answers 503 on its first call
 * per key, then 200. One more port ({@link #latePort()}) has nothing listening until {@link #startLate()}.
 */
public final class TestUpstreams {

    public static final List<String> SERVICES = List.of("identity", "catalog", "node", "deploy", "billing", "github", "dns");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile TestUpstreams shared;

    private final Map<String, DisposableServer> servers = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> flakyCalls = new ConcurrentHashMap<>();
    private final int latePort = Ports.free();
    private volatile DisposableServer late;

    private TestUpstreams() {
        for (String service : SERVICES) {
            servers.put(service, HttpServer.create().host("127.0.0.1").port(0)
                    .route(routes -> routes(service, routes)).bindNow());
        }
    }

    public static TestUpstreams shared() {
        if (shared == null) {
            synchronized (TestUpstreams.class) {
                if (shared == null) {
                    shared = new TestUpstreams();
                    Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "stop-test-upstreams"));
                }
            }
        }
        return shared;
    }

    public String url(String service) {
        return "http://127.0.0.1:" + servers.get(service).port();
    }

    public int latePort() {
        return latePort;
    }

    /** Starts the upstream behind {@link #latePort()} (an echo server calling itself "late"); idempotent. */
    public synchronized void startLate() {
        if (late == null) {
            late = HttpServer.create().host("127.0.0.1").port(latePort).route(routes -> routes("late", routes)).bindNow();
        }
    }

    public int flakyCalls(String key) {
        return flakyCalls.getOrDefault(key, new AtomicInteger()).get();
    }

    private void stop() {
        servers.values().forEach(DisposableServer::disposeNow);
        if (late != null) {
            late.disposeNow();
        }
    }

    private HttpServerRoutes routes(String service, HttpServerRoutes routes) {
        return routes
                .ws("/agent/connect", (in, out) -> webSocket(service, in, out))
                .ws("/api/servers/{id}/console", (in, out) -> webSocket(service, in, out))
                .get("/api/billing/slow", (request, response) -> Mono.delay(Duration.ofSeconds(3))
                        .then(echo(service, request, response)))
                .route(request -> request.uri().startsWith("/api/catalog/flaky/"), (request, response) -> {
                    String key = request.uri().substring("/api/catalog/flaky/".length());
                    int call = flakyCalls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    if (call == 1) {
                        return response.status(HttpResponseStatus.SERVICE_UNAVAILABLE)
                                .header("Content-Type", "application/json").sendString(Mono.just("{\"call\":1}")).then();
                    }
                    return response.header("Content-Type", "application/json")
                            .sendString(Mono.just("{\"call\":" + call + "}")).then();
                })
                .route(request -> true, (request, response) -> echo(service, request, response));
    }

    private static Mono<Void> echo(String service, HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap(body -> {
            String uri = request.uri();
            int question = uri.indexOf('?');
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("service", service);
            echo.put("method", request.method().name());
            echo.put("path", question < 0 ? uri : uri.substring(0, question));
            echo.put("query", question < 0 ? "" : uri.substring(question + 1));
            echo.put("headers", headers(request.requestHeaders()));
            echo.put("bodyBytes", body.length);
            return response.header("Content-Type", "application/json")
                    .sendByteArray(Mono.just(JSON.writeValueAsBytes(echo))).then();
        });
    }

    private static Mono<Void> webSocket(String service, WebsocketInbound in, WebsocketOutbound out) {
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("event", "hello");
        hello.put("service", service);
        // the WebSocket side of a Reactor Netty server exchange is also its HTTP request
        hello.put("uri", in instanceof HttpServerRequest request ? request.uri() : "?");
        hello.put("headers", headers(in.headers()));
        String helloFrame = JSON.writeValueAsString(hello);
        return out.sendString(Mono.just(helloFrame)
                        .concatWith(in.receive().asString(StandardCharsets.UTF_8).map(text -> "echo:" + text)))
                .then();
    }

    private static Map<String, List<String>> headers(io.netty.handler.codec.http.HttpHeaders headers) {
        Map<String, List<String>> copy = new TreeMap<>();
        for (String name : headers.names()) {
            copy.put(name.toLowerCase(java.util.Locale.ROOT), headers.getAll(name));
        }
        return copy;
    }
}
