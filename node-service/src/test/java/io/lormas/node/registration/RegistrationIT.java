package io.lormas.node.registration;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.lormas.node.Api;
import io.lormas.node.FakeIdentity;
import io.lormas.node.NodeServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationIT extends NodeServiceTest {

    @Test
    void tradesTheTokenForAgentCredentialsOnce() {
        JsonNode node = createNode();
        String id = node.path("id").asString();
        Map<String, String> body = Map.of("token", node.path("registrationToken").asString(), "hostname", "host-7");

        Api.Answer registered = api.post("/api/nodes/register", null, body);
        Api.Answer reused = api.post("/api/nodes/register", null, body);

        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        assertThat(registered.header("Cache-Control")).contains("no-store");
        assertThat(registered.body().path("nodeId").asString()).isEqualTo(id);
        assertThat(registered.body().path("clientId").asString()).isEqualTo("node-" + id);
        assertThat(registered.body().path("clientSecret").asString()).startsWith("secret-");
        assertThat(registered.body().path("tokenUrl").asString()).isEqualTo("https://lormas.example.com/oauth2/token");
        assertThat(registered.body().path("connectUrl").asString()).isEqualTo("wss://lormas.example.com/agent/connect");
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(FakeIdentity.shared().calls()).containsOnlyOnce("POST " + id);
        JsonNode read = node(UUID.fromString(id));
        assertThat(read.path("status").asString()).isEqualTo("NOT_READY");
        assertThat(read.path("hostname").asString()).isEqualTo("host-7");
        events.await("node.node.updated", id, p -> p.path("node").path("status").asString().equals("NOT_READY"), WAIT);
    }

    @Test
    void refusesUnknownAndExpiredTokens() {
        JsonNode node = createNode();
        jdbc.update("update registration_token set expires_at = now() - interval '1 second' where node_id = ?",
                UUID.fromString(node.path("id").asString()));

        Api.Answer expired = api.post("/api/nodes/register", null,
                Map.of("token", node.path("registrationToken").asString(), "hostname", "h"));
        Api.Answer unknown = api.post("/api/nodes/register", null,
                Map.of("token", "lrt_" + "A".repeat(43), "hostname", "h"));
        Api.Answer junk = api.post("/api/nodes/register", null, Map.of("token", "junk", "hostname", "h"));
        Api.Answer invalid = api.post("/api/nodes/register", null, Map.of("hostname", "h"));

        assertThat(expired.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(junk.status()).isEqualTo(401);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(expired.body().path("detail").asString()).doesNotContain(node.path("registrationToken").asString());
    }

    @Test
    void keepsTheTokenUsableWhenIdentityServiceIsDown() {
        JsonNode node = createNode();
        Map<String, String> body = Map.of("token", node.path("registrationToken").asString(), "hostname", "h");

        FakeIdentity.shared().failing = true;
        Api.Answer unavailable = api.post("/api/nodes/register", null, body);
        FakeIdentity.shared().failing = false;
        Api.Answer retried = api.post("/api/nodes/register", null, body);

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.header("Retry-After")).isNotBlank();
        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(201);
    }

    @Test
    void reissuedTokenReplacesTheOldOneAndTheAgentClient() {
        UUID nodeId = registeredNode();

        Api.Answer reissued = api.post("/api/nodes/" + nodeId + "/registration-token", admin, null);
        Api.Answer again = api.post("/api/nodes/register", null,
                Map.of("token", reissued.body().path("registrationToken").asString(), "hostname", "host-2"));

        assertThat(reissued.status()).isEqualTo(201);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
        assertThat(FakeIdentity.shared().calls()).contains("DELETE " + nodeId);
        assertThat(FakeIdentity.shared().hasClient(nodeId)).isTrue();
        assertThat(node(nodeId).path("hostname").asString()).isEqualTo("host-2");
    }
}
