package io.lormas.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lormas.testkit.RealInfrastructure;
import io.lormas.testkit.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context most gateway tests share: the gateway on a random port in front of {@link TestUpstreams},
 * real Redis, and {@link TestTokens}' issuer. Test-only routes come from {@link TestRoutes}; limits small enough
 * to reach in a test from {@code application-test.yaml}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(postgres = false, pulsar = false)
@ActiveProfiles("test")
@Import(TestRoutes.class)
public abstract class GatewayIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final TestTokens TOKENS = TestTokens.shared();
    private static final Path SPA = spaDirectory();

    @LocalServerPort
    protected int port;

    protected WebTestClient client;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        TestUpstreams upstreams = TestUpstreams.shared();
        TestUpstreams.SERVICES.forEach(service ->
                registry.add("lormas.gateway.upstreams." + service, () -> upstreams.url(service)));
        registry.add("lormas.test.late-upstream", () -> "http://127.0.0.1:" + upstreams.latePort());
        registry.add("lormas.gateway.spa.dir", SPA::toString);
    }

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(15)).build();
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected URI webSocketUri(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    /** A valid token of a fresh user (so rate-limit buckets never collide between tests). */
    protected static String userToken() {
        return TOKENS.user(UUID.randomUUID()).roles("customer").sign();
    }

    protected static Map<String, Object> json(byte[] body) {
        return JSON.readValue(body, Map.class);
    }

    /** The upstream's echo of what it received. */
    @SuppressWarnings("unchecked")
    protected static Map<String, List<String>> upstreamHeaders(Map<String, Object> echo) {
        return (Map<String, List<String>>) echo.get("headers");
    }

    /** Asserts a gateway problem: status, type, content type, and the fields every problem carries. */
    protected static Map<String, Object> assertProblem(WebTestClient.ResponseSpec response, HttpStatus status, String kind) {
        byte[] body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody().returnResult().getResponseBody();
        Map<String, Object> problem = json(body);
        org.assertj.core.api.Assertions.assertThat(problem)
                .containsEntry("type", "https://lormas.dev/problems/" + kind)
                .containsEntry("status", status.value())
                .containsKeys("title", "detail", "instance", "requestId");
        return problem;
    }

    private static Path spaDirectory() {
        try {
            Path dir = Files.createTempDirectory("lormas-spa");
            Files.writeString(dir.resolve("index.html"), "<!doctype html><title>Lormas test SPA</title>");
            Files.createDirectories(dir.resolve("assets"));
            Files.writeString(dir.resolve("assets/app-3f2a.js"), "console.log('lormas');");
            Files.writeString(dir.resolve(".env"), "SECRET=1");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
