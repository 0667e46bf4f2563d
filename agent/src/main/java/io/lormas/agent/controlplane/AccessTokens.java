package io.lormas.agent.controlplane;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import io.lormas.agent.config.ControlPlaneSettings;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens of the node's OAuth2 client (client_credentials grant, scope {@code agent}), renewed when
 * three quarters of their lifetime have passed, so a reconnect never presents an expired token.
 */
@Singleton
public final class AccessTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Token(String value, Instant renewAt, Instant expiresAt) {
    }

    private final CredentialsFile credentials;
    private final ControlPlaneSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private @Nullable Token token;

    public AccessTokens(CredentialsFile credentials, ControlPlaneSettings settings) {
        this(credentials, settings, Clock.systemUTC());
    }

    AccessTokens(CredentialsFile credentials, ControlPlaneSettings settings, Clock clock) {
        this.credentials = credentials;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).proxy(java.net.ProxySelector.getDefault()).build();
    }

    /** A valid token, fetched when there is none or the current one is due for renewal. */
    public synchronized String current() {
        Token current = token;
        if (current == null || !clock.instant().isBefore(current.renewAt())) {
            current = fetch();
            token = current;
        }
        return current.value();
    }

    /** When the current token should be renewed; null when there is none. */
    synchronized @Nullable Instant renewAt() {
        return token == null ? null : token.renewAt();
    }

    /** Forgets the token, e.g. after the control plane refused it. */
    public synchronized void invalidate() {
        token = null;
    }

    private Token fetch() {
        Credentials node = credentials.require();
        URI tokenUrl = URI.create(node.tokenUrl());
        TransportSecurity.require(tokenUrl, settings.allowInsecure());
        // RFC 6749 2.3.1: id and secret are form-encoded before they are put into the Basic header.
        String basic = Base64.getEncoder().encodeToString((form(node.clientId()) + ":" + form(node.clientSecret()))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(settings.connectTimeout())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=agent"))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ControlPlaneUnavailable("token endpoint " + tokenUrl + " is not reachable: " + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlPlaneUnavailable("token request interrupted", false, e);
        }
        if (response.statusCode() == 400 || response.statusCode() == 401 || response.statusCode() == 403) {
            throw new ControlPlaneUnavailable("the token endpoint refused the node's client credentials (HTTP "
                    + response.statusCode() + "): " + abbreviate(response.body())
                    + "; the node may have been removed: register it again", true);
        }
        if (response.statusCode() != 200) {
            throw new ControlPlaneUnavailable("the token endpoint answered HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()), false);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            throw new ControlPlaneUnavailable("the token endpoint answered no JSON", false, e);
        }
        String value = body.path("access_token").asString("");
        if (value.isBlank()) {
            throw new ControlPlaneUnavailable("the token endpoint answered without access_token", false);
        }
        long lifetime = Math.max(10, body.path("expires_in").asLong(300));
        Instant now = clock.instant();
        return new Token(value, now.plus(Duration.ofSeconds(lifetime * 3 / 4)), now.plusSeconds(lifetime));
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
