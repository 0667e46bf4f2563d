package io.lormas.gateway.ratelimit;

import java.time.Duration;

import io.lormas.testkit.Ports;
import io.lormas.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.lormas.gateway.TestUpstreams;

/**
 * Its own context on purpose: Redis is a port where nothing listens. Rate limits are lost, the platform is not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(postgres = false, redis = false, pulsar = false)
class RateLimitWithoutRedisIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestUpstreams.SERVICES.forEach(service ->
                registry.add("lormas.gateway.upstreams." + service, () -> TestUpstreams.shared().url(service)));
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", Ports::free);
    }

    @Test
    void letsRequestsThroughUnlimitedWhenRedisIsDown() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/catalog/plans").exchange()
                    .expectStatus().isOk()
                    .expectHeader().doesNotExist("RateLimit-Remaining");
        }
        // Redis is shown as down, but the gateway stays ready to serve
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }
}
