package io.lormas.node.registration;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth clients of node agents at identity-service: {@code POST /api/identity/agent-clients {nodeId}} and
 * {@code DELETE /api/identity/agent-clients/{nodeId}}, with node-service's client_credentials token, behind the
 * {@code identity} circuit breaker and time limiter (Resilience4j, configured under
 * {@code resilience4j.circuitbreaker.instances.identity} and {@code resilience4j.timelimiter.instances.identity}).
 * Answers identity gives on purpose (4xx) do not count as failures of the breaker.
 */
@Component
public class AgentClients {

    private static final Logger log = LoggerFactory.getLogger(AgentClients.class);

    private final RestClient http;
    private final ServiceTokens tokens;
    private final CircuitBreaker breaker;
    private final String base;

    /** An agent's client credentials, shown once. */
    public record Credentials(String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "Credentials[clientId=" + clientId + ", clientSecret=***]";
        }
    }

    /** What identity answered: a status and, for a creation, a body. */
    private record Answer(HttpStatusCode status, JsonNode body) {
    }

    AgentClients(IdentitySettings settings, CircuitBreakerFactory<?, ?> breakers) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
        requests.setReadTimeout(settings.timeout());
        this.http = RestClient.builder().requestFactory(requests)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }) // judged below
                .build();
        this.tokens = new ServiceTokens(http, settings);
        this.breaker = breakers.create("identity");
        this.base = settings.url().toString().replaceAll("/+$", "") + "/api/identity/agent-clients";
    }

    /**
     * Creates the node's client; an existing one (the node registers again) is replaced.
     *
     * @throws IdentityUnavailable when identity-service cannot do it now
     */
    public Credentials create(UUID nodeId) {
        Answer answer = call(() -> send(() -> http.post().uri(URI.create(base))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("nodeId", nodeId.toString()))));
        if (answer.status().value() == HttpStatus.CONFLICT.value()) {
            log.info("node {} had an agent client already: replacing it", nodeId);
            delete(nodeId);
            answer = call(() -> send(() -> http.post().uri(URI.create(base))
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("nodeId", nodeId.toString()))));
        }
        if (answer.status().value() != 201 && answer.status().value() != 200) {
            throw new IdentityUnavailable("identity-service refused to create the agent client of node " + nodeId
                    + " (HTTP " + answer.status().value() + ")");
        }
        String clientId = answer.body().path("clientId").asString("");
        String clientSecret = answer.body().path("clientSecret").asString("");
        if (clientId.isBlank() || clientSecret.isBlank()) {
            throw new IdentityUnavailable("identity-service answered without client credentials");
        }
        return new Credentials(clientId, clientSecret);
    }

    /**
     * Deletes the node's client; one that does not exist is fine.
     *
     * @throws IdentityUnavailable when identity-service cannot do it now
     */
    public void delete(UUID nodeId) {
        Answer answer = call(() -> send(() -> http.delete().uri(URI.create(base + "/" + nodeId))));
        int status = answer.status().value();
        if (status != 204 && status != 200 && status != 404) {
            throw new IdentityUnavailable("identity-service refused to delete the agent client of node " + nodeId
                    + " (HTTP " + status + ")");
        }
    }

    private Answer call(Supplier<Answer> request) {
        return breaker.run(request, failure -> {
            throw failure instanceof IdentityUnavailable unavailable ? unavailable
                    : new IdentityUnavailable("identity-service is unavailable: " + failure, failure);
        });
    }

    /** One request with the service token; a refused token is fetched again once. Server errors throw (count). */
    private Answer send(Supplier<RestClient.RequestHeadersSpec<?>> request) {
        Answer answer = exchange(request);
        if (answer.status().value() == 401) {
            tokens.invalidate();
            answer = exchange(request);
        }
        if (answer.status().is5xxServerError()) {
            throw new IllegalStateException("identity-service answered HTTP " + answer.status().value());
        }
        return answer;
    }

    private Answer exchange(Supplier<RestClient.RequestHeadersSpec<?>> request) {
        return request.get()
                .headers(headers -> headers.setBearerAuth(tokens.current()))
                .accept(MediaType.APPLICATION_JSON)
                .exchange((req, response) -> {
                    JsonNode body = null;
                    if (response.getStatusCode().value() == 200 || response.getStatusCode().value() == 201) {
                        body = response.bodyTo(JsonNode.class);
                    }
                    return new Answer(response.getStatusCode(),
                            body != null ? body : tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
                });
    }
}
