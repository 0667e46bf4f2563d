package io.lormas.identity.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.lormas.contracts.deploy.ServerCreated;
import io.lormas.contracts.deploy.ServerDeleted;

import io.lormas.identity.support.Accounts;
import io.lormas.identity.support.Accounts.Person;
import io.lormas.identity.support.Api.Answer;
import io.lormas.identity.support.IdentityIT;
import io.lormas.platform.outbox.Outbox;
import io.lormas.testkit.Awaits;

/** Subusers: owners grant server permissions they hold; grants travel as identity.grant events. */
@IdentityIT
class GrantsIT {

    @Value("${lormas.identity.issuer}")
    String issuer;

    @Autowired
    GrantManagement grants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void ownerGrantsASubuserServerPermissionsAndTheEventIsPublished() {
        Accounts accounts = new Accounts(issuer);
        Person owner = accounts.person("yara", "customer");
        Person friend = accounts.person("zed", "customer");
        UUID server = UUID.randomUUID();
        grants.recordOwner("server", server, owner.id());

        Answer granted = accounts.api().call("PUT", "/api/identity/grants/server/" + server + "/users/" + friend.id(),
                Map.of("permissions", List.of("control.console", "control.start")), owner.token());

        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.body().path("permissions").toString()).isEqualTo("[\"control.console\",\"control.start\"]");
        assertThat(accounts.api().get("/api/identity/grants", friend.token()).body().path("items").size()).isEqualTo(1);
        assertThat(jdbc.sql("select message_type from outbox_message where message_key = ?").param(server.toString())
                .query(String.class).list()).containsExactly("identity.grant.changed");
        String token = accounts.api().get("/api/identity/me", friend.token()).raw().body();
        assertThat(token).as("grants stay out of the token").doesNotContain(server.toString());

        assertThat(accounts.api().delete("/api/identity/grants/server/" + server + "/users/" + friend.id(), owner.token())
                .status()).isEqualTo(204);
        assertThat(jdbc.sql("select message_type from outbox_message where message_key = ? order by seq")
                .param(server.toString()).query(String.class).list())
                .containsExactly("identity.grant.changed", "identity.grant.revoked");
    }

    @Test
    void learnsServerOwnersFromDeployEventsAndDropsGrantsWhenTheServerIsDeleted() {
        Accounts accounts = new Accounts(issuer);
        Person owner = accounts.person("dov", "customer");
        Person friend = accounts.person("eve", "customer");
        UUID server = UUID.randomUUID();
        transactions.executeWithoutResult(status -> outbox.publish(new ServerCreated(server, owner.id(), "mc", UUID.randomUUID(),
                1, UUID.randomUUID(), "eu", Instant.now())));
        Awaits.until(Duration.ofSeconds(20), "owner learned from deploy.server.created",
                () -> jdbc.sql("select count(*) from resource_owner where resource_id = ?").param(server)
                        .query(Long.class).single() == 1);

        Answer granted = accounts.api().call("PUT", "/api/identity/grants/server/" + server + "/users/" + friend.id(),
                Map.of("permissions", List.of("control.console")), owner.token());
        assertThat(granted.status()).isEqualTo(200);

        transactions.executeWithoutResult(status -> outbox.publish(new ServerDeleted(server, owner.id(), UUID.randomUUID(),
                UUID.randomUUID(), Instant.now())));
        Awaits.until(Duration.ofSeconds(20), "grants dropped after deploy.server.deleted",
                () -> accounts.api().get("/api/identity/grants", friend.token()).body().path("items").isEmpty());
    }

    @Test
    void nobodyGrantsWhatTheyLackOrOnWhatIsNotTheirs() {
        Accounts accounts = new Accounts(issuer);
        Person owner = accounts.person("abe", "customer");
        Person friend = accounts.person("bea", "customer");
        Person stranger = accounts.person("cyd", "customer");
        UUID server = UUID.randomUUID();
        grants.recordOwner("server", server, owner.id());
        accounts.api().call("PUT", "/api/identity/users/" + owner.id() + "/permissions",
                Map.of("grant", List.of(), "deny", List.of("file.delete")), accounts.adminToken());

        Answer lacking = accounts.api().call("PUT", "/api/identity/grants/server/" + server + "/users/" + friend.id(),
                Map.of("permissions", List.of("file.delete")), owner.token());
        Answer notServerLevel = accounts.api().call("PUT", "/api/identity/grants/server/" + server + "/users/" + friend.id(),
                Map.of("permissions", List.of("users.write")), owner.token());
        Answer notTheirs = accounts.api().call("PUT", "/api/identity/grants/server/" + server + "/users/" + friend.id(),
                Map.of("permissions", List.of("control.console")), stranger.token());

        assertThat(lacking.status()).isEqualTo(403);
        assertThat(lacking.text("detail")).contains("file.delete");
        assertThat(notServerLevel.status()).isEqualTo(422);
        assertThat(notTheirs.status()).as("strangers cannot even tell the server exists").isEqualTo(404);
    }
}
