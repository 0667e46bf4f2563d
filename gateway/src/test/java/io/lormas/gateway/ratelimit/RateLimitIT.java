package io.lormas.gateway.ratelimit;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import io.lormas.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitIT extends GatewayIntegrationTest {

    @Test
    void refusesPrincipalAfterBurstWithProblemAndHeaders() {
        String token = userToken();
        for (int remaining = 2; remaining >= 0; remaining--) {
            client.get().uri("/test/tight/a").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "3")
                    .expectHeader().valueEquals("RateLimit-Remaining", String.valueOf(remaining))
                    .expectHeader().exists("RateLimit-Reset");
        }
        Map<String, Object> problem = assertProblem(client.get().uri("/test/tight/a").headers(h -> h.setBearerAuth(token))
                .exchange()
                // the next token comes within 5 s (rate 0.2/s)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter -> assertThat(Integer.parseInt(retryAfter)).isBetween(1, 5))
                .expectHeader().valueEquals("RateLimit-Remaining", "0"), HttpStatus.TOO_MANY_REQUESTS, "rate-limited");
        assertThat(problem).containsEntry("limit", 3).containsEntry("ratePerSecond", 0.2);

        // another principal has its own bucket
        client.get().uri("/test/tight/a").headers(h -> h.setBearerAuth(userToken())).exchange().expectStatus().isOk();
    }

    @Test
    void countsAnonymousCallersPerAddressWhateverHeadersTheySend() {
        for (int i = 0; i < 3; i++) {
            String spoofed = "10.0.0." + i;
            client.get().uri("/test/tight/anonymous").header("X-Forwarded-For", spoofed).header("X-Real-IP", spoofed)
                    .exchange().expectStatus().isOk();
        }
        assertProblem(client.get().uri("/test/tight/anonymous").header("X-Forwarded-For", "10.9.9.9").exchange(),
                HttpStatus.TOO_MANY_REQUESTS, "rate-limited");
    }

    @Test
    void refillsOverTime() {
        String token = userToken();
        for (int i = 0; i < 3; i++) {
            client.get().uri("/test/tight/b").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        }
        client.get().uri("/test/tight/b").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        io.lormas.testkit.Awaits.until(java.time.Duration.ofSeconds(10), "a token back in the bucket", () ->
                client.get().uri("/test/tight/b").headers(h -> h.setBearerAuth(token)).exchange()
                        .returnResult(byte[].class).getStatus().value() == 200);
    }
}
