package io.lormas.deploy.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the service under test: any status comes back, nothing throws on 4xx. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    /** A response with its JSON body (null when empty). */
    public record Response(int status, @Nullable JsonNode body, HttpResponse<String> raw) {

        public String text(String field) {
            return body == null ? "" : body.path(field).asString("");
        }

        public UUID id() {
            return UUID.fromString(text("id"));
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Response get(String path, @Nullable String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, @Nullable String token, Object body, String... headers) {
        HttpRequest.Builder builder = request(path, token).POST(HttpRequest.BodyPublishers.ofString(json(body)))
                .header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    public Response put(String path, @Nullable String token, Object body) {
        return send(request(path, token).PUT(HttpRequest.BodyPublishers.ofString(json(body)))
                .header("Content-Type", "application/json"));
    }

    public Response patch(String path, @Nullable String token, Object body) {
        return send(request(path, token).method("PATCH", HttpRequest.BodyPublishers.ofString(json(body)))
                .header("Content-Type", "application/json"));
    }

    public Response delete(String path, @Nullable String token) {
        return send(request(path, token).DELETE());
    }

    private HttpRequest.Builder request(String path, @Nullable String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    /** The field names of a problem's {@code errors}. */
    public static List<String> errorFields(Response response) {
        List<String> fields = new java.util.ArrayList<>();
        if (response.body() != null) {
            response.body().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        }
        return fields;
    }
}
