package io.lormas.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import io.lormas.identity.grant.GrantManagement;
import io.lormas.identity.support.Accounts;
import io.lormas.identity.support.Accounts.Person;
import io.lormas.identity.support.Api;
import io.lormas.identity.support.IdentityIT;

/**
 * Every endpoint against every kind of caller: admin, support, customer, another customer, node-service, an
 * integrator client with the needed scopes and one without, and nobody. One row per endpoint, one column per
 * caller, the expected status in each cell. The client with scopes acts strictly within them: it may create users
 * and roles and grants, but not hand out what it lacks itself (the customer role, {@code servers.read},
 * {@code control.console}), so those cells are 403 by the same rule that stops customers.
 */
@IdentityIT
class AuthorizationMatrixIT {

    private static final List<String> CALLERS = List.of("admin", "support", "customer", "other", "node-service",
            "client+scope", "client-scope", "anonymous");

    @Value("${lormas.identity.issuer}")
    String issuer;

    @Autowired
    GrantManagement grants;

    record Row(String method, String path, Supplier<@Nullable Object> body, int... expected) {
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsSpecified() {
        Accounts accounts = new Accounts(issuer);
        Api api = accounts.api();
        Person support = accounts.person("support", "support");
        Person customer = accounts.person("customer", "customer");
        Person other = accounts.person("other", "customer");
        UUID victim = accounts.create(Api.uniqueEmail("victim"), "victim-password-1", "customer");
        String customerClient = api.post("/api/identity/clients", Map.of("name", "c", "scopes", List.of("servers.read")),
                customer.token()).text("clientId");
        String readers = "readers-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/identity/roles", Map.of("name", readers, "permissions", List.of("users.read")), accounts.adminToken());
        UUID server = UUID.randomUUID();
        grants.recordOwner("server", server, customer.id());

        Map<String, @Nullable String> tokens = new LinkedHashMap<>();
        tokens.put("admin", accounts.adminToken());
        tokens.put("support", support.token());
        tokens.put("customer", customer.token());
        tokens.put("other", other.token());
        tokens.put("node-service", accounts.nodeServiceToken());
        tokens.put("client+scope", clientToken(api, accounts.adminToken(), List.of("users.read", "users.write",
                "roles.write", "clients.manage", "grants.manage", "servers.admin", "identity.clients.write")));
        tokens.put("client-scope", clientToken(api, accounts.adminToken(), List.of("servers.read")));
        tokens.put("anonymous", null);

        Supplier<@Nullable Object> none = () -> null;
        List<Row> rows = List.of(
                //                                                                                 admin sup  cust oth  node +sc  -sc  anon
                new Row("POST", "/api/identity/users", () -> Map.of("email", Api.uniqueEmail("m"),
                        "password", "matrix-password-1", "roles", List.of("customer")), 201, 403, 403, 403, 403, 403, 403, 401),
                new Row("POST", "/api/identity/users", () -> Map.of("email", Api.uniqueEmail("m"),
                        "password", "matrix-password-1", "roles", List.of(readers)), 201, 403, 403, 403, 403, 201, 403, 401),
                new Row("GET", "/api/identity/users", none,                                   200, 200, 403, 403, 403, 200, 403, 401),
                new Row("GET", "/api/identity/users/" + customer.id(), none,                  200, 200, 200, 403, 403, 200, 403, 401),
                new Row("POST", "/api/identity/users/" + victim + "/unsuspend", none,          200, 403, 403, 403, 403, 200, 403, 401),
                new Row("GET", "/api/identity/users/" + victim + "/permissions", none,         200, 200, 403, 403, 403, 200, 403, 401),
                new Row("GET", "/api/identity/roles", none,                                   200, 200, 403, 403, 403, 200, 403, 401),
                new Row("POST", "/api/identity/roles", () -> Map.of("name", "r" + UUID.randomUUID().toString().substring(0, 8),
                        "permissions", List.of("servers.read")),                              201, 403, 403, 403, 403, 403, 403, 401),
                new Row("POST", "/api/identity/roles", () -> Map.of("name", "r" + UUID.randomUUID().toString().substring(0, 8),
                        "permissions", List.of("users.read")),                                201, 403, 403, 403, 403, 201, 403, 401),
                new Row("GET", "/api/identity/permissions", none,                             200, 200, 200, 200, 200, 200, 200, 401),
                new Row("GET", "/api/identity/me", none,                                      200, 200, 200, 200, 403, 403, 403, 401),
                new Row("POST", "/api/identity/clients", () -> Map.of("name", "m", "scopes", List.of("servers.read")),
                                                                                              201, 201, 201, 201, 403, 403, 403, 401),
                new Row("GET", "/api/identity/clients/" + customerClient, none,               200, 404, 200, 404, 404, 404, 404, 401),
                new Row("POST", "/api/identity/agent-clients", () -> Map.of("nodeId", UUID.randomUUID()),
                                                                                              201, 403, 403, 403, 201, 201, 403, 401),
                new Row("DELETE", "/api/identity/agent-clients/" + UUID.randomUUID(), none,   204, 403, 403, 403, 204, 204, 403, 401),
                new Row("GET", "/api/identity/admin/signing-keys", none,                      200, 403, 403, 403, 403, 403, 403, 401),
                new Row("PUT", "/api/identity/grants/server/" + server + "/users/" + other.id(),
                        () -> Map.of("permissions", List.of("control.console")),              200, 404, 200, 404, 403, 403, 403, 401),
                new Row("GET", "/api/identity/grants/server/" + server, none,                 200, 404, 200, 404, 403, 200, 403, 401));

        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                int expected = row.expected()[i];
                tests.add(DynamicTest.dynamicTest(row.method() + " " + row.path() + " as " + caller + " -> " + expected, () -> {
                    Api.Answer answer = api.call(row.method(), row.path(), row.body().get(), tokens.get(caller));
                    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(expected);
                    if (expected >= 400) {
                        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static String clientToken(Api api, String ownerToken, List<String> scopes) {
        Api.Answer created = api.post("/api/identity/clients", Map.of("name", "matrix", "scopes", scopes), ownerToken);
        return api.tokenFor(created.text("clientId"), created.text("clientSecret"));
    }
}
