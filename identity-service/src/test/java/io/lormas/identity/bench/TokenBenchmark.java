package io.lormas.identity.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.identity.IdentityApplication;
import io.lormas.identity.support.ConsoleLogin;
import io.lormas.identity.support.TestIdentity;
import io.lormas.testkit.Ports;

/**
 * Two figures, printed, not asserted: (1) client_credentials token issuance per second over HTTP against the real
 * service (PostgreSQL-backed authorizations, claims computed per token), with a few concurrent clients for a fixed
 * time; (2) the cost of validating one access token as a resource server does it (RS256 signature, issuer, expiry;
 * keys fetched once from the JWKS endpoint and cached).
 * <pre>
 * ./mvnw -o -pl identity-service test-compile org.codehaus.mojo:exec-maven-plugin:3.6.3:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.lormas.identity.bench.TokenBenchmark [-Dbench.seconds=20 -Dbench.clients=4]
 * </pre>
 */
public final class TokenBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 20);
        int clients = Integer.getInteger("bench.clients", 4);
        int port = Ports.free();
        String issuer = "http://127.0.0.1:" + port;
        Map<String, Object> properties = TestIdentity.standaloneProperties(port);
        properties.put("logging.level.root", "WARN");
        properties.put("management.otlp.metrics.export.enabled", "false");
        properties.put("spring.datasource.hikari.maximum-pool-size", "10");

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IdentityApplication.class)
                .initializers(c -> c.getEnvironment().getPropertySources().addFirst(new MapPropertySource("bench", properties)))
                .run()) {
            HttpClient http = HttpClient.newHttpClient();
            String admin = ConsoleLogin.discover(issuer).login(TestIdentity.ADMIN_EMAIL, TestIdentity.ADMIN_PASSWORD)
                    .getOIDCTokens().getAccessToken().getValue();
            JsonNode client = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(issuer + "/api/identity/clients"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"bench\",\"scopes\":[\"servers.read\",\"servers.create\",\"control.start\"]}"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            String basic = Base64.getEncoder().encodeToString((client.path("clientId").asString() + ":"
                    + client.path("clientSecret").asString()).getBytes(StandardCharsets.UTF_8));
            HttpRequest tokenRequest = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();

            // warm-up
            String token = "";
            for (int i = 0; i < 300; i++) {
                token = JSON.readTree(http.send(tokenRequest, HttpResponse.BodyHandlers.ofString()).body())
                        .path("access_token").asString();
            }

            AtomicInteger failures = new AtomicInteger();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            long started = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                List<Future<Integer>> workers = new ArrayList<>();
                for (int w = 0; w < clients; w++) {
                    workers.add(pool.submit(() -> {
                        int done = 0;
                        while (System.nanoTime() < deadline) {
                            long t0 = System.nanoTime();
                            HttpResponse<String> response = http.send(tokenRequest, HttpResponse.BodyHandlers.ofString());
                            latencies.add(System.nanoTime() - t0);
                            if (response.statusCode() == 200) {
                                done++;
                            } else {
                                failures.incrementAndGet();
                            }
                        }
                        return done;
                    }));
                }
                int issued = 0;
                for (Future<Integer> worker : workers) {
                    issued += worker.get();
                }
                double elapsed = (System.nanoTime() - started) / 1e9;
                List<Long> sorted = new ArrayList<>(latencies);
                Collections.sort(sorted);
                System.out.printf("client_credentials issuance: %d tokens in %.1f s with %d concurrent clients = %.0f tokens/s"
                        + " (failures %d); latency p50 %.1f ms, p99 %.1f ms%n", issued, elapsed, clients, issued / elapsed,
                        failures.get(), percentile(sorted, 0.50), percentile(sorted, 0.99));
            }

            JwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer + "/oauth2/jwks")
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
            ((NimbusJwtDecoder) decoder).setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
            for (int i = 0; i < 20_000; i++) {
                decoder.decode(token);
            }
            int rounds = 100_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                decoder.decode(token);
            }
            double micros = (System.nanoTime() - t0) / 1e3 / rounds;
            System.out.printf("JWT validation (RS256, issuer, expiry; JWKS cached): %.1f us per token, %.0f validations/s"
                    + " on one thread%n", micros, 1e6 / micros);
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1)))) / 1e6;
    }
}
