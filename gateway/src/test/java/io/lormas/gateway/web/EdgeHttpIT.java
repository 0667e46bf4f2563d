package io.lormas.gateway.web;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

import io.lormas.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeHttpIT extends GatewayIntegrationTest {

    private static final int LIMIT = 64 * 1024;

    @Test
    void echoesAndRelaysCallersRequestId() {
        Map<String, Object> echo = json(client.get().uri("/api/catalog/plans").header("X-Request-Id", "req-42.a:b")
                .exchange().expectStatus().isOk()
                .expectHeader().valuesMatch("X-Request-Id", "req-42.a:b")
                .expectBody().returnResult().getResponseBody());
        assertThat(upstreamHeaders(echo).get("x-request-id")).containsExactly("req-42.a:b");
    }

    @Test
    void replacesMalformedRequestIdAndGeneratesMissingOne() {
        String replaced = client.get().uri("/api/catalog/plans").header("X-Request-Id", "bad id <script>")
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
        String generated = client.get().uri("/api/catalog/plans").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
        assertThat(replaced).matches("[0-9a-f-]{36}");
        assertThat(generated).matches("[0-9a-f-]{36}").isNotEqualTo(replaced);
    }

    @Test
    void putsRequestIdIntoProblems() {
        Map<String, Object> problem = assertProblem(client.get().uri("/api/servers").header("X-Request-Id", "trace-me-1")
                .exchange(), HttpStatus.UNAUTHORIZED, "unauthorized");
        assertThat(problem).containsEntry("requestId", "trace-me-1");
    }

    @Test
    void refusesDeclaredOversizedBodyWith413() {
        Map<String, Object> problem = assertProblem(client.post().uri("/api/catalog/eggs/import")
                .headers(headers -> headers.setBearerAuth(userToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new byte[LIMIT + 1]).exchange(), HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
        assertThat(problem).containsEntry("maxBytes", LIMIT);
    }

    @Test
    void refusesChunkedOversizedBodyWith413() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        byte[] chunk = new byte[16 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        Flux<DataBuffer> body = Flux.range(0, 8).map(i -> buffers.wrap(chunk.clone()));
        assertProblem(client.post().uri("/api/catalog/eggs/import")
                .headers(headers -> headers.setBearerAuth(userToken()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(BodyInserters.fromDataBuffers(body)).exchange(), HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
    }

    @Test
    void passesBodiesWithinTheLimit() {
        Map<String, Object> echo = json(client.post().uri("/api/catalog/eggs/import")
                .headers(headers -> headers.setBearerAuth(userToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"" + "x".repeat(10_000) + "\"}")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(echo).containsEntry("bodyBytes", 10_011).containsEntry("method", "POST");
    }

    @Test
    void answersPreflightForConfiguredOrigin() {
        client.options().uri("/api/servers")
                .header(HttpHeaders.ORIGIN, "https://panel.example.test")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://panel.example.test")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase()).contains("authorization", "content-type"));
    }

    @Test
    void rejectsPreflightFromUnknownOriginWithProblem() {
        assertProblem(client.options().uri("/api/servers")
                .header(HttpHeaders.ORIGIN, "https://evil.example.test")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
                .exchange().expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN),
                HttpStatus.FORBIDDEN, "cors-rejected");
    }

    @Test
    void exposesRequestIdToAllowedCrossOriginCallers() {
        client.get().uri("/api/catalog/plans").header(HttpHeaders.ORIGIN, "https://panel.example.test").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://panel.example.test")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed).contains("X-Request-Id", "RateLimit-Remaining"));
    }

    @Test
    void answersUnknownApiPathsWithNotFoundProblem() {
        assertProblem(client.get().uri("/api/unknown/things").headers(h -> h.setBearerAuth(userToken())).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
        assertProblem(client.post().uri("/nowhere").headers(h -> h.setBearerAuth(userToken())).exchange(),
                HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void sendsSecurityHeaders() {
        client.get().uri("/api/catalog/plans").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'none'"));
    }
}
