package io.lormas.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import io.lormas.identity.support.Accounts;
import io.lormas.identity.support.Api;
import io.lormas.identity.support.Api.Answer;
import io.lormas.identity.support.ConsoleLogin;
import io.lormas.identity.support.IdentityIT;

/** {@code /api/identity/users}: the journey's call, bad input, pagination, suspension and its events. */
@IdentityIT
class UserAdministrationIT {

    @Value("${lormas.identity.issuer}")
    String issuer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsAUserAsTheJourneyExpects() {
        Accounts accounts = new Accounts(issuer);
        String email = Api.uniqueEmail("ivy");

        Answer created = accounts.api().post("/api/identity/users",
                Map.of("email", email, "password", "ivy-password-123", "roles", List.of("customer")), accounts.adminToken());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("id")).matches("[0-9a-f-]{36}");
        assertThat(created.text("email")).isEqualTo(email);
        assertThat(created.body().path("roles").toString()).isEqualTo("[\"customer\"]");
        assertThat(created.header("Location")).endsWith("/api/identity/users/" + created.text("id"));
        assertThat(created.raw().body()).doesNotContain("ivy-password-123").doesNotContainIgnoringCase("hash");
        assertThat(jdbc.sql("select message_type from outbox_message where message_key = ?")
                .param(created.text("id")).query(String.class).list()).contains("identity.user.created");
    }

    @Test
    void refusesAnInvalidEmailWithFieldErrors() {
        Accounts accounts = new Accounts(issuer);

        Answer answer = accounts.api().post("/api/identity/users",
                Map.of("email", "not-an-email", "password", "long-enough-password", "roles", List.of("customer")),
                accounts.adminToken());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactly("email");
    }

    @Test
    void refusesADuplicateEmailIgnoringCase() {
        Accounts accounts = new Accounts(issuer);
        String email = Api.uniqueEmail("jack");
        accounts.create(email, "jack-password-12", "customer");

        Answer answer = accounts.api().post("/api/identity/users",
                Map.of("email", email.toUpperCase(), "password", "another-password-12", "roles", List.of("customer")),
                accounts.adminToken());

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.text("type")).isEqualTo("https://lormas.dev/problems/conflict");
    }

    @Test
    void refusesAShortPasswordNamingTheRule() {
        Accounts accounts = new Accounts(issuer);

        Answer answer = accounts.api().post("/api/identity/users",
                Map.of("email", Api.uniqueEmail("kim"), "password", "short", "roles", List.of("customer")),
                accounts.adminToken());

        assertThat(answer.status()).isEqualTo(400);
        JsonNode error = answer.body().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("password");
        assertThat(error.path("message").asString()).isEqualTo("must be at least 12 characters");
    }

    @Test
    void refusesAnUnknownRoleNamingIt() {
        Accounts accounts = new Accounts(issuer);

        Answer answer = accounts.api().post("/api/identity/users",
                Map.of("email", Api.uniqueEmail("lea"), "password", "lea-password-123", "roles", List.of("wizard")),
                accounts.adminToken());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.text("detail")).contains("wizard");
    }

    @Test
    void searchesAndPagesWithACursor() {
        Accounts accounts = new Accounts(issuer);
        String tag = "page" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            accounts.create(tag + "-" + i + "@example.test", "paging-password-1", "customer");
        }

        Answer first = accounts.api().get("/api/identity/users?q=" + tag + "&limit=2", accounts.adminToken());
        Answer second = accounts.api().get("/api/identity/users?q=" + tag + "&limit=2&cursor=" + first.text("next"),
                accounts.adminToken());

        assertThat(first.body().path("items").size()).isEqualTo(2);
        assertThat(first.text("next")).isNotBlank();
        assertThat(second.body().path("items").size()).isEqualTo(1);
        assertThat(second.body().path("next").isNull()).isTrue();
    }

    @Test
    void suspendedUserCannotSignInOrRefresh() {
        Accounts accounts = new Accounts(issuer);
        Accounts.Person mia = accounts.person("mia", "customer");

        Answer suspended = accounts.api().post("/api/identity/users/" + mia.id() + "/suspend",
                Map.of("reason", "unpaid invoices"), accounts.adminToken());

        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.text("status")).isEqualTo("suspended");
        ConsoleLogin.Outcome login = ConsoleLogin.discover(issuer).attempt(mia.email(), mia.password(), null);
        assertThat(login.tokens()).isNull();
        assertThat(login.location()).endsWith("/login?suspended");
        assertThat(jdbc.sql("select count(*) from oauth2_authorization where principal_name = ?")
                .param(mia.id().toString()).query(Long.class).single()).as("sessions ended").isZero();

        Answer back = accounts.api().post("/api/identity/users/" + mia.id() + "/unsuspend", null, accounts.adminToken());
        assertThat(back.text("status")).isEqualTo("active");
        assertThat(ConsoleLogin.discover(issuer).attempt(mia.email(), mia.password(), null).tokens()).isNotNull();
    }

    @Test
    void changesOwnPasswordAndEndsOtherSessions() {
        Accounts accounts = new Accounts(issuer);
        Accounts.Person nia = accounts.person("nia", "customer");

        Answer wrong = accounts.api().post("/api/identity/me/password",
                Map.of("currentPassword", "not-the-password", "newPassword", "brand-new-password-1"), nia.token());
        Answer weak = accounts.api().post("/api/identity/me/password",
                Map.of("currentPassword", nia.password(), "newPassword", "short"), nia.token());
        Answer changed = accounts.api().post("/api/identity/me/password",
                Map.of("currentPassword", nia.password(), "newPassword", "brand-new-password-1"), nia.token());

        assertThat(wrong.status()).isEqualTo(422);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(changed.status()).isEqualTo(204);
        assertThat(ConsoleLogin.discover(issuer).attempt(nia.email(), nia.password(), null).tokens()).isNull();
        assertThat(ConsoleLogin.discover(issuer).attempt(nia.email(), "brand-new-password-1", null).tokens()).isNotNull();
    }

    @Test
    void listsAndEndsOwnSessions() {
        Accounts accounts = new Accounts(issuer);
        Accounts.Person oli = accounts.person("oli", "customer");
        ConsoleLogin browser = ConsoleLogin.discover(issuer);
        browser.login(oli.email(), oli.password());
        assertThat(browser.attempt(oli.email(), "not asked: the browser is signed in", null).tokens())
                .as("a signed-in browser gets a code without the form").isNotNull();

        Answer sessions = accounts.api().get("/api/identity/me/sessions", oli.token());
        assertThat(sessions.body().path("items").size()).as("three sign-ins: the test's, the browser's twice").isEqualTo(3);
        assertThat(sessions.body().path("items").valueStream().filter(s -> s.path("current").asBoolean()).count())
                .isEqualTo(1);

        assertThat(accounts.api().delete("/api/identity/me/sessions", oli.token()).status()).isEqualTo(204);
        assertThat(accounts.api().get("/api/identity/me/sessions", oli.token()).body().path("items").size()).isEqualTo(1);
        assertThat(browser.attempt(oli.email(), "wrong password", null).tokens())
                .as("the browser's sign-in ended with the sessions: the form is shown again").isNull();
    }

    @Test
    void cannotRemoveTheLastAdministrator() {
        Accounts accounts = new Accounts(issuer);
        String adminId = accounts.api().get("/api/identity/me", accounts.adminToken()).text("id");

        Answer answer = accounts.api().call("PATCH", "/api/identity/users/" + adminId,
                Map.of("roles", List.of("customer")), accounts.adminToken());

        assertThat(answer.status()).isEqualTo(422);
    }
}
