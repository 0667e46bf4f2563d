package io.lormas.agent.controlplane;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lormas.agent.config.ControlPlaneSettings;
import jakarta.inject.Singleton;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code agent register}: trades a one-time registration token for the node's client credentials
 * ({@code POST <gateway>/api/nodes/register}) and stores them in the credentials file (mode 0600).
 */
@Singleton
public final class NodeRegistration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CredentialsFile credentials;
    private final ControlPlaneSettings settings;

    public NodeRegistration(CredentialsFile credentials, ControlPlaneSettings settings) {
        this.credentials = credentials;
        this.settings = settings;
    }

    /**
     * @param force replace existing credentials (the old node identity is lost)
     * @throws ControlPlaneUnavailable when the gateway cannot be reached or refuses the token
     * @throws IllegalStateException when the node is registered already and {@code force} is false
     */
    public Credentials register(URI gateway, String token, String hostname, boolean force) {
        if (!force && credentials.read().isPresent()) {
            throw new IllegalStateException("this node is registered already as " + credentials.require().nodeId()
                    + " (" + credentials.path() + "); pass --force to register it again");
        }
        TransportSecurity.require(gateway, settings.allowInsecure());
        URI endpoint = URI.create(gateway.toString().replaceAll("/+$", "") + "/api/nodes/register");
        Map<String, String> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("hostname", hostname);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.connectTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).proxy(java.net.ProxySelector.getDefault()).build()) {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ControlPlaneUnavailable(endpoint + " is not reachable: " + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControlPlaneUnavailable("registration interrupted", false, e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new ControlPlaneUnavailable("the registration token was refused: " + problemDetail(response.body()), true);
        }
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new ControlPlaneUnavailable("registration answered HTTP " + response.statusCode() + ": "
                    + problemDetail(response.body()), response.statusCode() < 500);
        }
        Credentials registered;
        try {
            JsonNode answer = JSON.readTree(response.body());
            registered = new Credentials(text(answer, "nodeId"), text(answer, "clientId"), text(answer, "clientSecret"),
                    text(answer, "tokenUrl"), text(answer, "connectUrl"));
        } catch (RuntimeException e) {
            throw new ControlPlaneUnavailable("registration answered an unusable body: " + e.getMessage(), false, e);
        }
        TransportSecurity.require(URI.create(registered.tokenUrl()), settings.allowInsecure());
        TransportSecurity.require(URI.create(registered.connectUrl()), settings.allowInsecure());
        credentials.write(registered);
        return registered;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asString("");
    }

    private static String problemDetail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            String detail = problem.path("detail").asString(problem.path("title").asString(""));
            if (!detail.isBlank()) {
                return detail;
            }
        } catch (RuntimeException ignored) {
            // not problem+json: show the body as it is
        }
        return AccessTokens.abbreviate(body);
    }
}
