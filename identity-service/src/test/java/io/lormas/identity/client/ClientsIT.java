package io.lormas.identity.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import io.lormas.identity.support.Accounts;
import io.lormas.identity.support.Accounts.Person;
import io.lormas.identity.support.Api;
import io.lormas.identity.support.Api.Answer;
import io.lormas.identity.support.IdentityIT;

/** Integration clients of users, node agents' clients, and the tokens they get. */
@IdentityIT
class ClientsIT {

    @Value("${lormas.identity.issuer}")
    String issuer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void userCreatesAClientWhoseTokensActForThemWithinItsScopes() {
        Accounts accounts = new Accounts(issuer);
        Person owner = accounts.person("pia", "customer");

        Answer created = accounts.api().post("/api/identity/clients",
                Map.of("name", "ci deploys", "scopes", List.of("servers.read", "control.start")), owner.token());

        assertThat(created.status()).isEqualTo(201);
        String clientId = created.text("clientId");
        String secret = created.text("clientSecret");
        assertThat(clientId).startsWith("lc_");
        assertThat(secret).startsWith("lcs_").hasSizeGreaterThan(40);
        assertThat(created.header("Cache-Control")).contains("no-store");
        assertThat(created.body().path("scopes").toString()).contains("servers.read", "control.start");

        JsonNode claims = Api.claims(accounts.api().tokenFor(clientId, secret));
        assertThat(claims.path("sub").asString()).isEqualTo(clientId);
        assertThat(jdbc.sql("select client_secret from oauth2_registered_client where client_id = ?").param(clientId)
                .query(String.class).single()).as("stays a fast hash after use").startsWith("{sha256}");
        assertThat(claims.path("principal_type").asString()).isEqualTo("client");
        assertThat(claims.path("owner_id").asString()).isEqualTo(owner.id().toString());
        assertThat(claims.path("permissions").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("servers.read", "control.start");
    }

    @Test
    void clientSecretNeverAppearsAfterCreation() {
        Accounts accounts = new Accounts(issuer);
        Person owner = accounts.person("quinn", "customer");
        Answer created = accounts.api().post("/api/identity/clients",
                Map.of("name", "backup bot", "scopes", List.of("servers.read")), owner.token());
        String secret = created.text("clientSecret");
        String clientId = created.text("clientId");

        Answer list = accounts.api().get("/api/identity/clients", owner.token());
        Answer one = accounts.api().get("/api/identity/clients/" + clientId, owner.token());
        Answer adminList = accounts.api().get("/api/identity/clients?ownerId=" + owner.id(), accounts.adminToken());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("items").size()).isEqualTo(1);
        for (Answer answer : List.of(list, one, adminList)) {
            assertThat(answer.raw().body()).contains(clientId).doesNotContain(secret).doesNotContain("clientSecret")
                    .doesNotContain("sha256");
        }
    }

    @Test
    void refusesScopesBeyondTheCallersPermissionsNamingTheScope() {
        Accounts accounts = new Accounts(issuer);
        Person customer = accounts.person("rae", "customer");

        Answer beyond = accounts.api().post("/api/identity/clients",
                Map.of("name", "sneaky", "scopes", List.of("servers.read", "users.write")), customer.token());
        Answer unknown = accounts.api().post("/api/identity/clients",
                Map.of("name", "typo", "scopes", List.of("servers.reed")), customer.token());
        Answer empty = accounts.api().post("/api/identity/clients", Map.of("name", "nothing", "scopes", List.of()),
                customer.token());

        assertThat(beyond.status()).isEqualTo(403);
        assertThat(beyond.text("detail")).contains("users.write");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.text("detail")).contains("servers.reed");
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void deletingAClientStopsItsTokensAndRotationReplacesTheSecret() {
        Accounts accounts = new Accounts(issuer);
        Person owner = accounts.person("sol", "customer");
        Answer created = accounts.api().post("/api/identity/clients",
                Map.of("name", "rotating", "scopes", List.of("servers.read")), owner.token());
        String clientId = created.text("clientId");
        String oldSecret = created.text("clientSecret");

        Answer rotated = accounts.api().post("/api/identity/clients/" + clientId + "/secret", null, owner.token());
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(accounts.api().clientCredentials(clientId, oldSecret, null).status()).isEqualTo(401);
        assertThat(accounts.api().clientCredentials(clientId, rotated.text("clientSecret"), null).status()).isEqualTo(200);

        assertThat(accounts.api().delete("/api/identity/clients/" + clientId, owner.token()).status()).isEqualTo(204);
        assertThat(accounts.api().clientCredentials(clientId, rotated.text("clientSecret"), null).status()).isEqualTo(401);
        assertThat(accounts.api().get("/api/identity/clients/" + clientId, owner.token()).status()).isEqualTo(404);
    }

    @Test
    void clientOfASuspendedOwnerGetsNoToken() {
        Accounts accounts = new Accounts(issuer);
        Person owner = accounts.person("tao", "customer");
        Answer created = accounts.api().post("/api/identity/clients",
                Map.of("name", "cron", "scopes", List.of("servers.read")), owner.token());

        accounts.api().post("/api/identity/users/" + owner.id() + "/suspend", null, accounts.adminToken());

        Answer token = accounts.api().clientCredentials(created.text("clientId"), created.text("clientSecret"), null);
        assertThat(token.status()).isEqualTo(400);
        assertThat(token.text("error")).isEqualTo("unauthorized_client");
    }

    @Test
    void nodeServiceCreatesAndDeletesAgentClients() {
        Accounts accounts = new Accounts(issuer);
        String nodeService = accounts.nodeServiceToken();
        UUID nodeId = UUID.randomUUID();

        Answer created = accounts.api().post("/api/identity/agent-clients", Map.of("nodeId", nodeId), nodeService);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("clientId")).isEqualTo("node-" + nodeId);
        JsonNode claims = Api.claims(accounts.api().tokenFor(created.text("clientId"), created.text("clientSecret")));
        assertThat(claims.path("principal_type").asString()).isEqualTo("agent");
        assertThat(claims.path("node_id").asString()).isEqualTo(nodeId.toString());
        assertThat(claims.path("scope").toString()).isEqualTo("[\"agent\"]");
        assertThat(claims.has("permissions")).isFalse();

        Answer again = accounts.api().post("/api/identity/agent-clients", Map.of("nodeId", nodeId), nodeService);
        assertThat(again.status()).as("re-registration re-keys").isEqualTo(201);
        assertThat(accounts.api().clientCredentials(created.text("clientId"), created.text("clientSecret"), null).status())
                .isEqualTo(401);

        assertThat(accounts.api().delete("/api/identity/agent-clients/" + nodeId, nodeService).status()).isEqualTo(204);
        assertThat(accounts.api().delete("/api/identity/agent-clients/" + nodeId, nodeService).status())
                .as("idempotent").isEqualTo(204);
        assertThat(accounts.api().clientCredentials(again.text("clientId"), again.text("clientSecret"), null).status())
                .isEqualTo(401);
    }

    @Test
    void serviceClientTokensCarryTheirConfiguredPermissions() {
        JsonNode claims = Api.claims(new Accounts(issuer).nodeServiceToken());

        assertThat(claims.path("sub").asString()).isEqualTo("node-service");
        assertThat(claims.path("principal_type").asString()).isEqualTo("client");
        assertThat(claims.has("owner_id")).isFalse();
        assertThat(claims.path("permissions").toString()).isEqualTo("[\"identity.clients.write\"]");
    }
}
