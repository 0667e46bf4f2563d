package io.lormas.gateway.security;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import io.lormas.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeAuthenticationIT extends GatewayIntegrationTest {

    @Test
    void rejectsRequestWithoutTokenWithProblem() {
        Map<String, Object> problem = assertProblem(client.get().uri("/api/servers").exchange()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer"), HttpStatus.UNAUTHORIZED, "unauthorized");
        assertThat(problem).containsEntry("instance", "/api/servers");
        assertThat((String) problem.get("detail")).contains("bearer access token");
    }

    @Test
    void rejectsExpiredToken() {
        String token = TOKENS.user(UUID.randomUUID()).expired().sign();
        Map<String, Object> problem = assertProblem(get("/api/servers", token)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""),
                HttpStatus.UNAUTHORIZED, "unauthorized");
        assertThat(problem).containsEntry("detail", "the access token has expired");
    }

    @Test
    void rejectsTokenSignedWithForeignKey() {
        String token = TOKENS.user(UUID.randomUUID()).signedWithForeignKey().sign();
        assertProblem(get("/api/servers", token), HttpStatus.UNAUTHORIZED, "unauthorized");
    }

    @Test
    void rejectsTokenOfAnotherIssuer() {
        String token = TOKENS.user(UUID.randomUUID()).issuer("https://evil.example.test").sign();
        Map<String, Object> problem = assertProblem(get("/api/servers", token), HttpStatus.UNAUTHORIZED, "unauthorized");
        assertThat(problem).containsEntry("detail", "the access token was issued by another issuer");
    }

    @Test
    void rejectsUnsignedAlgNoneToken() {
        String token = TOKENS.user(UUID.randomUUID()).roles("admin").unsigned();
        assertProblem(get("/api/servers", token), HttpStatus.UNAUTHORIZED, "unauthorized");
    }

    @Test
    void rejectsGarbageAndMalformedAuthorization() {
        assertProblem(get("/api/servers", "not-a-jwt"), HttpStatus.UNAUTHORIZED, "unauthorized");
        assertProblem(client.get().uri("/api/servers").header(HttpHeaders.AUTHORIZATION, "Bearer a b c").exchange(),
                HttpStatus.UNAUTHORIZED, "unauthorized");
    }

    @Test
    void relaysValidTokenUpstreamUnchanged() {
        String token = userToken();
        Map<String, Object> echo = json(get("/api/servers", token).expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
        assertThat(echo).containsEntry("service", "deploy").containsEntry("path", "/api/servers");
        assertThat(upstreamHeaders(echo).get("authorization")).containsExactly("Bearer " + token);
    }

    @Test
    void letsAnonymousCallersReachOnlyPublicEndpoints() {
        client.get().uri("/api/catalog/plans").exchange().expectStatus().isOk();
        client.get().uri("/api/catalog/plans/basic").exchange().expectStatus().isOk();
        client.get().uri("/api/catalog/runtimes/java").exchange().expectStatus().isOk();
        client.post().uri("/api/nodes/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"token\":\"one-time\",\"hostname\":\"n1\"}").exchange().expectStatus().isOk();
        client.post().uri("/hooks/github").bodyValue("{}").exchange().expectStatus().isOk();
        client.get().uri("/.well-known/openid-configuration").exchange().expectStatus().isOk();
        client.post().uri("/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=client_credentials").exchange().expectStatus().isOk();
        client.get().uri("/login").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();

        assertProblem(client.post().uri("/api/catalog/plans").bodyValue("{}").exchange(), HttpStatus.UNAUTHORIZED,
                "unauthorized");
        assertProblem(client.get().uri("/api/catalog/eggs").exchange(), HttpStatus.UNAUTHORIZED, "unauthorized");
        assertProblem(client.get().uri("/api/nodes").exchange(), HttpStatus.UNAUTHORIZED, "unauthorized");
        assertProblem(client.delete().uri("/somewhere").exchange(), HttpStatus.UNAUTHORIZED, "unauthorized");
    }

    @Test
    void keepsOperatorEndpointsForAdmins() {
        assertProblem(client.get().uri("/actuator/metrics").exchange(), HttpStatus.UNAUTHORIZED, "unauthorized");
        assertProblem(get("/actuator/metrics", userToken()), HttpStatus.FORBIDDEN, "forbidden");
        String metrics = get("/actuator/metrics", TOKENS.user(UUID.randomUUID()).roles("admin").sign()).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("resilience4j.circuitbreaker.state", "spring.cloud.gateway.requests");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec get(String path, String token) {
        return client.get().uri(path).headers(headers -> headers.setBearerAuth(token)).exchange();
    }
}
