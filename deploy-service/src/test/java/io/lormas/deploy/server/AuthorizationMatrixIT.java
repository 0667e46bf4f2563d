package io.lormas.deploy.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.lormas.contracts.identity.Permissions;
import io.lormas.deploy.support.DeployIT;
import io.lormas.deploy.support.World;
import io.lormas.platform.id.Ids;
import io.lormas.testkit.TestTokens;

/**
 * Every endpoint against every kind of caller. Allowed changes get a server of their own, so one row's success
 * never changes what the next row sees; refused ones all hit the same server, which must come out untouched.
 */
@DeployIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    private static final String[] CALLERS = { "admin", "owner", "subuser", "subuser-without", "other-customer",
            "client", "client-without", "anonymous" };

    /** Expected status per endpoint, in the order of {@link #CALLERS}. */
    private static final String MATRIX = """
            read        200 200 200 200 404 200 403 401
            list        200 200 200 200 200 200 403 401
            activity    200 200 200 403 404 200 403 401
            variables   200 200 200 403 404 200 403 401
            power       202 202 202 403 404 202 403 401
            delete      202 202 403 403 404 202 403 401
            suspend     200 403 403 403 403 403 403 401
            console     101 101 101 403 404 101 403 401
            create      202 202 202 202 202 403 403 401
            """;

    /** Which callers see the shared server in their list. */
    private static final Map<String, Boolean> LISTS_IT = Map.of("admin", true, "owner", true, "subuser", true,
            "subuser-without", true, "other-customer", false, "client", true);

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;
    World world;
    UUID eggId;
    UUID planId;
    UUID shared;
    final UUID subuser = Ids.newId();
    final UUID subuserWithout = Ids.newId();
    final Map<String, String> tokens = new LinkedHashMap<>();

    @BeforeAll
    void setUp() {
        world = new World(context, port);
        world.node("n1", 64 * 1024, 200);
        eggId = world.egg(List.of());
        planId = world.plan(256);
        tokens.put("admin", World.admin());
        tokens.put("owner", world.owner());
        tokens.put("subuser", World.customer(subuser));
        tokens.put("subuser-without", World.customer(subuserWithout));
        tokens.put("other-customer", World.customer(Ids.newId()));
        tokens.put("client", TestTokens.shared().client("integrator", world.ownerId)
                .permissions(Permissions.SERVERS_READ, Permissions.SERVERS_DELETE, Permissions.CONTROL_START,
                        Permissions.CONTROL_STOP, Permissions.CONTROL_CONSOLE, Permissions.ACTIVITY_READ, "startup.read")
                .scopes(Permissions.SERVERS_READ).sign());
        tokens.put("client-without", TestTokens.shared().client("integrator-2", world.ownerId).sign());
        tokens.put("anonymous", null);
        shared = fresh();
    }

    @AfterAll
    void tearDown() {
        world.close();
    }

    /** A stopped server of the owner, with grants for both subusers. */
    UUID fresh() {
        UUID serverId = world.createServer(eggId, planId);
        world.awaitState(serverId, "stopped");
        world.grant(subuser, serverId, Permissions.CONTROL_START, Permissions.CONTROL_STOP, Permissions.CONTROL_CONSOLE,
                Permissions.CONTROL_COMMAND, Permissions.ACTIVITY_READ, "startup.read");
        world.grant(subuserWithout, serverId, "file.read");
        return serverId;
    }

    @TestFactory
    List<DynamicTest> everyEndpointAgainstEveryCaller() {
        Map<String, Function<String, Integer>> calls = new LinkedHashMap<>();
        calls.put("read", token -> world.api.get("/api/servers/" + shared, token).status());
        calls.put("list", token -> world.api.get("/api/servers", token).status());
        calls.put("activity", token -> world.api.get("/api/servers/" + shared + "/activity", token).status());
        calls.put("variables", token -> world.api.get("/api/servers/" + shared + "/variables", token).status());
        calls.put("power", token -> world.api.post("/api/servers/" + target(token) + "/power", token,
                Map.of("signal", "start")).status());
        calls.put("delete", token -> world.api.delete("/api/servers/" + target(token), token).status());
        calls.put("suspend", token -> world.api.post("/api/servers/" + target(token) + "/suspend", token,
                Map.of("reason", "matrix")).status());
        calls.put("console", token -> console(target(token), token));
        calls.put("create", token -> world.api.post("/api/servers", token,
                World.newServer("matrix", eggId, planId, world.region)).status());

        List<DynamicTest> tests = new ArrayList<>();
        for (String line : MATRIX.strip().split("\n")) {
            String[] cells = line.trim().split("\\s+");
            String endpoint = cells[0];
            for (int i = 0; i < CALLERS.length; i++) {
                String caller = CALLERS[i];
                int expected = Integer.parseInt(cells[i + 1]);
                tests.add(DynamicTest.dynamicTest(endpoint + " as " + caller + " -> " + expected, () -> {
                    allowedCall = expected < 300 && !endpoint.equals("read") && !endpoint.equals("list")
                            && !endpoint.equals("activity") && !endpoint.equals("variables");
                    int status = calls.get(endpoint).apply(tokens.get(caller));
                    assertThat(status).as(endpoint + " as " + caller).isEqualTo(expected);
                }));
            }
            if (endpoint.equals("list")) {
                tests.add(DynamicTest.dynamicTest("list shows the server exactly to those who may see it", () -> {
                    LISTS_IT.forEach((caller, sees) -> assertThat(world.api.get("/api/servers?limit=100",
                            tokens.get(caller)).raw().body().contains(shared.toString())).as(caller).isEqualTo(sees));
                }));
            }
        }
        tests.add(DynamicTest.dynamicTest("refused callers changed nothing", () -> {
            assertThat(world.state(shared)).isEqualTo("stopped");
            assertThat(world.api.get("/api/servers/" + shared, World.admin()).status()).isEqualTo(200);
        }));
        return tests;
    }

    /** Set by each row: an allowed change gets a fresh server, a refused one the shared server. */
    private volatile boolean allowedCall;

    private UUID target(String token) {
        return allowedCall ? fresh() : shared;
    }

    private int console(UUID serverId, String token) {
        String url = "ws://127.0.0.1:" + port + "/api/servers/" + serverId + "/console"
                + (token == null ? "" : "?access_token=" + token);
        try {
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(url), new WebSocket.Listener() {
                    }).get(15, TimeUnit.SECONDS);
            socket.abort();
            return 101;
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
            throw new AssertionError("console connection failed", e);
        } catch (Exception e) {
            throw new AssertionError("console connection failed", e);
        }
    }
}
