package io.lormas.pulsar;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the tenant {@code lormas} (cluster {@code standalone}) and its namespaces through the broker's admin
 * REST API. Idempotent: what exists already is left as it is.
 */
final class LormasTenant {

    static final String TENANT = "lormas";
    static final List<String> NAMESPACES = List.of("lormas/events", "lormas/agents");

    private static final Logger log = LoggerFactory.getLogger(LormasTenant.class);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final URI webUrl;

    LormasTenant(String webUrl) {
        this.webUrl = URI.create(webUrl + "/");
    }

    /**
     * Ensures the tenant and namespaces exist, retrying connection failures and 5xx answers until
     * {@code timeout} has passed.
     *
     * @throws IllegalStateException when the broker refuses a request or the timeout passes
     */
    void ensure(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            // List before creating: the broker logs a stack trace for every create that finds the tenant
            // existing (and for every get that finds it missing).
            if (!send(http, get("admin/v2/tenants"), deadline).body().contains("\"" + TENANT + "\"")) {
                create(http, "admin/v2/tenants/" + TENANT,
                        "{\"adminRoles\":[],\"allowedClusters\":[\"standalone\"]}", deadline);
            }
            String existing = send(http, get("admin/v2/namespaces/" + TENANT), deadline).body();
            for (String namespace : NAMESPACES) {
                if (!existing.contains("\"" + namespace + "\"")) {
                    create(http, "admin/v2/namespaces/" + namespace, "{}", deadline);
                }
            }
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(webUrl.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private void create(HttpClient http, String path, String json, Instant deadline) throws InterruptedException {
        var request = HttpRequest.newBuilder(webUrl.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build();
        int status = send(http, request, deadline).statusCode();
        if (status == 409) {
            return; // created meanwhile by someone else
        }
        if (status != 204 && status != 200) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered HTTP " + status);
        }
        log.info("Created {}", path.substring(path.lastIndexOf("v2/") + 3));
    }

    /**
     * Sends {@code request}, retrying connection failures and 5xx answers until the deadline; returns any
     * other answer.
     */
    private static HttpResponse<String> send(HttpClient http, HttpRequest request, Instant deadline)
            throws InterruptedException {
        String lastFailure;
        do {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    if (response.statusCode() >= 400 && response.statusCode() != 404 && response.statusCode() != 409) {
                        throw new IllegalStateException(request.method() + " " + request.uri() + " was refused: HTTP "
                                + response.statusCode() + " " + response.body());
                    }
                    return response;
                }
                lastFailure = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                lastFailure = e.toString();
            }
            Thread.sleep(RETRY_PAUSE);
        } while (Instant.now().isBefore(deadline));
        throw new IllegalStateException(request.method() + " " + request.uri() + " did not succeed in time: "
                + lastFailure);
    }
}
