package io.lormas.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/** Routes only tests have, so limits can be small without touching the real routes' behaviour. */
@TestConfiguration(proxyBeanMethods = false)
class TestRoutes {

    @Bean
    RouteLocator testRoutes(RouteLocatorBuilder builder, @Value("${lormas.gateway.upstreams.catalog}") String catalog,
            @Value("${lormas.test.late-upstream}") String late) {
        return builder.routes()
                // rate limits: bucket "tight" (burst 3) from application-test.yaml
                .route("test-tight", route -> route.path("/test/tight/**")
                        .metadata("rate-limit-bucket", "tight")
                        .uri(catalog))
                // an upstream that is down until a test starts it; breaker "test-down" opens after 2 failures
                .route("test-down", route -> route.path("/test/down/**")
                        .filters(filters -> filters
                                .circuitBreaker(breaker -> breaker.setName("test-down"))
                                .retry(retry -> retry.setRetries(1).setMethods(HttpMethod.GET).setSeries()))
                        .uri(late))
                .build();
    }
}
