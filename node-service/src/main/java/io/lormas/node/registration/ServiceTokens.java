package io.lormas.node.registration;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * node-service's own access token (client_credentials at identity-service), cached until shortly before it
 * expires. The secret and the token are never logged.
 */
final class ServiceTokens {

    private static final Duration EARLY = Duration.ofSeconds(30);

    private final RestClient http;
    private final IdentitySettings settings;
    private volatile @Nullable Token cached;

    private record Token(String value, Instant expiresAt) {

        @Override
        public String toString() {
            return "Token[***, expiresAt=" + expiresAt + "]";
        }
    }

    ServiceTokens(RestClient http, IdentitySettings settings) {
        this.http = http;
        this.settings = settings;
    }

    String current() {
        Token token = cached;
        if (token != null && Instant.now().plus(EARLY).isBefore(token.expiresAt())) {
            return token.value();
        }
        synchronized (this) {
            token = cached;
            if (token == null || !Instant.now().plus(EARLY).isBefore(token.expiresAt())) {
                token = fetch();
                cached = token;
            }
            return token.value();
        }
    }

    /** The token was refused: fetch a new one next time. */
    void invalidate() {
        cached = null;
    }

    private Token fetch() {
        if (settings.clientSecret().isBlank()) {
            throw new IllegalStateException("lormas.node.identity.client-secret (LORMAS_NODE_SERVICE_CLIENT_SECRET) is "
                    + "not set: node-service cannot authenticate at identity-service");
        }
        // RFC 6749 2.3.1: client id and secret are form-encoded before Basic encoding.
        String credentials = URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8);
        JsonNode answer = http.post()
                .uri(URI.create(settings.url().toString().replaceAll("/+$", "") + "/oauth2/token"))
                .header(HttpHeaders.AUTHORIZATION,
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body("grant_type=client_credentials")
                .retrieve()
                .body(JsonNode.class);
        if (answer == null || answer.path("access_token").asString("").isBlank()) {
            throw new IllegalStateException("identity-service answered the token request without an access_token");
        }
        long expiresIn = answer.path("expires_in").asLong(60);
        return new Token(answer.path("access_token").asString(), Instant.now().plusSeconds(Math.max(1, expiresIn)));
    }
}
