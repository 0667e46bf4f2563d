package io.lormas.identity.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.lormas.identity.support.Api.Answer;

/** Users and tokens for tests, made through the public API and the real sign-in. */
public final class Accounts {

    private static final Map<String, String> ADMIN_TOKENS = new ConcurrentHashMap<>();

    private final Api api;
    private final String issuer;

    public Accounts(String issuer) {
        this.api = new Api(issuer);
        this.issuer = issuer;
    }

    /** A signed-in user: id, email, password and access token. */
    public record Person(UUID id, String email, String password, String token) {
    }

    public Api api() {
        return api;
    }

    public String adminToken() {
        return ADMIN_TOKENS.computeIfAbsent(issuer, i -> ConsoleLogin.discover(i)
                .login(TestIdentity.ADMIN_EMAIL, TestIdentity.ADMIN_PASSWORD).getOIDCTokens().getAccessToken().getValue());
    }

    public String nodeServiceToken() {
        return api.tokenFor("node-service", TestIdentity.NODE_SERVICE_SECRET);
    }

    /** Creates a user with the roles (through the admin API) without signing in. */
    public UUID create(String email, String password, String... roles) {
        Answer created = api.post("/api/identity/users",
                Map.of("email", email, "password", password, "roles", List.of(roles)), adminToken());
        if (created.status() != 201) {
            throw new AssertionError("cannot create " + email + ": " + created.raw().body());
        }
        return UUID.fromString(created.text("id"));
    }

    /** Creates a user and signs them in through the console flow. */
    public Person person(String who, String... roles) {
        String email = Api.uniqueEmail(who);
        String password = "pw-" + UUID.randomUUID();
        UUID id = create(email, password, roles);
        String token = ConsoleLogin.discover(issuer).login(email, password).getOIDCTokens().getAccessToken().getValue();
        return new Person(id, email, password, token);
    }
}
