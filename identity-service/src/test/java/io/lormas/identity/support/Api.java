package io.lormas.identity.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the JSON API and the token endpoint, as any integrator would use it. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;

    public Api(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    /** A response with its body as JSON (an empty object when there is none or it is not JSON). */
    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {

        public String text(String field) {
            return body.path(field).asString();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }
    }

    public Answer call(String method, String path, @Nullable Object body, @Nullable String token) {
        return call(method, path, body, token, Map.of());
    }

    public Answer call(String method, String path, @Nullable Object body, @Nullable String token,
            Map<String, String> headers) {
        String json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    public Answer get(String path, @Nullable String token) {
        return call("GET", path, null, token);
    }

    public Answer post(String path, @Nullable Object body, @Nullable String token) {
        return call("POST", path, body, token);
    }

    public Answer delete(String path, @Nullable String token) {
        return call("DELETE", path, null, token);
    }

    /** {@code POST /oauth2/token} with {@code client_secret_basic}. */
    public Answer clientCredentials(String clientId, String secret, @Nullable String scope) {
        String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + scope.replace(" ", "+"));
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** An access token for a client, failing the test when there is none. */
    public String tokenFor(String clientId, String secret) {
        Answer answer = clientCredentials(clientId, secret, null);
        if (answer.status() != 200) {
            throw new AssertionError("no token for " + clientId + ": " + answer.status() + " " + answer.raw().body());
        }
        return answer.text("access_token");
    }

    /** The claims of a JWT, unverified (the tests that care verify signatures with Nimbus). */
    public static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                json = JSON.createObjectNode();
            }
            return new Answer(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
