package io.lormas.catalog.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the service under test, as any integrator would use it. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response with its body as JSON (an empty object when there is none or it is not JSON). */
    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {

        public String text(String field) {
            return body.path(field).asString();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Answer get(String path, @Nullable String token) {
        return send("GET", path, null, null, token, Map.of());
    }

    public Answer get(String path, @Nullable String token, Map<String, String> headers) {
        return send("GET", path, null, null, token, headers);
    }

    public Answer post(String path, @Nullable Object json, @Nullable String token) {
        return send("POST", path, json == null ? null : body(json), "application/json", token, Map.of());
    }

    public Answer patch(String path, Object json, @Nullable String token) {
        return send("PATCH", path, body(json), "application/json", token, Map.of());
    }

    public Answer delete(String path, @Nullable String token) {
        return send("DELETE", path, null, null, token, Map.of());
    }

    /** Posts a file as the body, e.g. an egg. */
    public Answer upload(String path, byte[] file, String contentType, @Nullable String token) {
        return send("POST", path, file, contentType, token, Map.of());
    }

    public Answer send(String method, String path, byte @Nullable [] body, @Nullable String contentType,
            @Nullable String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (!headers.containsKey("Accept")) {
            request.header("Accept", "application/json");
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    public static Answer send(HttpRequest request) {
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
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return base;
    }

    private static byte[] body(Object json) {
        return json instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(json);
    }
}
