package io.lormas.gateway.routing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.http.HttpMethod;

import io.lormas.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingIT extends GatewayIntegrationTest {

    @Autowired
    RouteDefinitionLocator definitions;

    @Test
    void sendsEachPrefixToItsService() {
        Map<String, String> table = Map.ofEntries(
                Map.entry("/api/identity/users", "identity"),
                Map.entry("/oauth2/authorize", "identity"),
                Map.entry("/.well-known/openid-configuration", "identity"),
                Map.entry("/login", "identity"),
                Map.entry("/userinfo", "identity"),
                Map.entry("/connect/logout", "identity"),
                Map.entry("/api/catalog/eggs", "catalog"),
                Map.entry("/api/nodes/7c1e", "node"),
                Map.entry("/api/servers/7c1e/activity", "deploy"),
                Map.entry("/api/billing/wallets", "billing"),
                Map.entry("/api/github/repos", "github"),
                Map.entry("/api/dns/records", "dns"));
        String token = userToken();
        table.forEach((path, service) -> {
            Map<String, Object> echo = json(client.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody());
            assertThat(echo).as(path).containsEntry("service", service).containsEntry("path", path);
        });
        Map<String, Object> hook = json(client.post().uri("/hooks/github").header("X-GitHub-Event", "push")
                .bodyValue("{\"ref\":\"refs/heads/main\"}").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(hook).containsEntry("service", "github").containsEntry("method", "POST");
    }

    @Test
    void givesEveryHttpRouteABreakerAndGetOnlyRetriesButNoneToWebSockets() {
        List<RouteDefinition> routes = definitions.getRouteDefinitions().collectList().block();
        assertThat(routes).extracting(RouteDefinition::getId).contains("identity-api", "identity-browser", "catalog",
                "node", "node-agent", "deploy", "deploy-console", "billing", "github", "github-hooks", "dns");
        for (RouteDefinition route : routes) {
            List<String> filters = route.getFilters().stream().map(FilterDefinition::getName).toList();
            if (route.getId().equals("node-agent") || route.getId().equals("deploy-console")) {
                assertThat(filters).as(route.getId()).isEmpty();
            } else {
                assertThat(filters).as(route.getId()).containsExactly("CircuitBreaker", "Retry");
                FilterDefinition retry = route.getFilters().get(1);
                assertThat(retry.getArgs()).as(route.getId()).containsEntry("methods", HttpMethod.GET.name() + ",HEAD");
            }
        }
    }
}
