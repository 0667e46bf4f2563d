package io.lormas.gateway.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.lormas.testkit.Awaits;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.lormas.gateway.GatewayIntegrationTest;
import io.lormas.gateway.TestUpstreams;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamFailuresIT extends GatewayIntegrationTest {

    @Test
    void answersServiceUnavailableQuicklyWhileUpstreamIsDownAndRecoversWhenItReturns() {
        String token = userToken();
        for (int i = 0; i < 4; i++) {
            long started = System.nanoTime();
            Map<String, Object> problem = assertProblem(client.get().uri("/test/down/status")
                    .headers(h -> h.setBearerAuth(token)).exchange(), HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable");
            // no waiting for a time limit: refused connections fail at once
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(problem).containsEntry("route", "test-down");
        }

        TestUpstreams.shared().startLate();

        Awaits.until(Duration.ofSeconds(10), "the breaker to let requests through again", () ->
                client.get().uri("/test/down/status").headers(h -> h.setBearerAuth(token)).exchange()
                        .returnResult(byte[].class).getStatus().value() == 200);
        Map<String, Object> echo = json(client.get().uri("/test/down/status").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(echo).containsEntry("service", "late");
    }

    @Test
    void answersGatewayTimeoutWithinTheRouteTimeLimit() {
        long started = System.nanoTime();
        Map<String, Object> problem = assertProblem(client.get().uri("/api/billing/slow")
                .headers(h -> h.setBearerAuth(userToken())).exchange(), HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // the route's 1 s limit, well before the upstream's 3 s answer
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2900));
        assertThat(problem).containsEntry("route", "billing");
    }

    @Test
    void retriesIdempotentGetsButNeverPosts() {
        String getKey = UUID.randomUUID().toString();
        client.get().uri("/api/catalog/flaky/" + getKey).headers(h -> h.setBearerAuth(userToken())).exchange()
                .expectStatus().isOk();
        assertThat(TestUpstreams.shared().flakyCalls(getKey)).isEqualTo(2);

        String postKey = UUID.randomUUID().toString();
        client.post().uri("/api/catalog/flaky/" + postKey).headers(h -> h.setBearerAuth(userToken())).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(TestUpstreams.shared().flakyCalls(postKey)).isEqualTo(1);
    }
}
