package io.lormas.node.node;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.lormas.node.Api;
import io.lormas.node.NodeServiceTest;
import io.lormas.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

class NodeRegistryIT extends NodeServiceTest {

    @Test
    void createsARegionAndANodeWithAOneTimeRegistrationToken() {
        String region = region();
        Map<String, Object> body = Map.of("name", "node-" + UUID.randomUUID().toString().substring(0, 8),
                "region", region, "fqdn", "Node1.Example.com", "cpuMillis", 8000, "memoryMib", 16384,
                "diskMib", 204800, "portRanges", List.of(Map.of("ip", "203.0.113.10", "from", 25565, "to", 25575)),
                "labels", Map.of("tier", "gold"), "memoryOverallocationPercent", 20);

        Api.Answer created = api.post("/api/nodes", admin, body);

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).contains("no-store");
        JsonNode node = created.body();
        assertThat(node.path("registrationToken").asString()).startsWith("lrt_").hasSize(47);
        assertThat(node.path("region").asString()).isEqualTo(region);
        assertThat(node.path("fqdn").asString()).isEqualTo("node1.example.com");
        assertThat(node.path("status").asString()).isEqualTo("PENDING");
        assertThat(node.path("online").asBoolean()).isFalse();
        assertThat(node.path("portRanges").get(0).path("from").asInt()).isEqualTo(25565);
        String id = node.path("id").asString();
        JsonNode registered = events.await("node.node.registered", id, WAIT);
        assertThat(registered.path("node").path("memoryOverallocationPercent").asInt()).isEqualTo(20);
        assertThat(registered.path("node").path("labels").path("tier").asString()).isEqualTo("gold");
        assertThat(registered.path("node").path("status").asString()).isEqualTo("PENDING");

        JsonNode read = api.get("/api/nodes/" + id, admin).body();
        assertThat(read.has("registrationToken")).as("the token is shown once").isFalse();
        assertThat(read.path("lastHeartbeatAt").isNull()).as(read.toString()).isTrue();
    }

    @Test
    void listsNodesPageByPageAndFiltersByRegion() {
        String region = region();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = new java.util.HashMap<>(nodeBody());
            body.put("region", region);
            assertThat(api.post("/api/nodes", admin, body).status()).isEqualTo(201);
        }

        Api.Answer first = api.get("/api/nodes?region=" + region + "&limit=2", admin);
        Api.Answer second = api.get("/api/nodes?region=" + region + "&limit=2&cursor="
                + first.body().path("next").asString(), admin);

        assertThat(first.body().path("items")).hasSize(2);
        assertThat(second.body().path("items")).hasSize(1);
        assertThat(second.body().path("next").isNull()).isTrue();
        assertThat(api.get("/api/nodes?status=PENDING&limit=100", admin).body().path("items")).isNotEmpty();
        assertThat(api.get("/api/nodes?status=BROKEN", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/nodes?cursor=not-ours", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/nodes?limit=1000", admin).status()).isEqualTo(400);
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        Map<String, Object> body = Map.of("name", "bad name!", "region", region(), "fqdn", "-x-.example",
                "cpuMillis", 0, "memoryMib", -1, "diskMib", 10,
                "portRanges", List.of(Map.of("ip", "not-an-ip", "from", 10, "to", 5),
                        Map.of("ip", "203.0.113.1", "from", 100, "to", 200),
                        Map.of("ip", "203.0.113.1", "from", 150, "to", 300)),
                "labels", Map.of("Bad Key", "x"));

        Api.Answer answer = api.post("/api/nodes", admin, body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = answer.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
        assertThat(fields).contains("name", "fqdn", "cpuMillis", "memoryMib", "portRanges[0].ip", "portRanges[0].to",
                "portRanges[2]", "labels.Bad Key");
    }

    @Test
    void refusesMissingFieldsUnknownRegionsAndTakenNames() {
        Api.Answer missing = api.post("/api/nodes", admin, Map.of("name", "n1"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .contains("region", "fqdn", "cpuMillis", "memoryMib", "diskMib");

        Map<String, Object> unknownRegion = new java.util.HashMap<>(nodeBody());
        unknownRegion.put("region", "nowhere");
        Api.Answer unknown = api.post("/api/nodes", admin, unknownRegion);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().path("errors").get(0).path("field").asString()).isEqualTo("region");

        Map<String, Object> body = nodeBody();
        assertThat(api.post("/api/nodes", admin, body).status()).isEqualTo(201);
        Api.Answer taken = api.post("/api/nodes", admin, body);
        assertThat(taken.status()).isEqualTo(409);

        assertThat(api.post("/api/nodes", admin, "{not json").status()).isEqualTo(400);
    }

    @Test
    void changesANodeWithOptimisticLockingAndPublishesIt() {
        JsonNode node = createNode();
        String id = node.path("id").asString();

        Api.Answer changed = api.patch("/api/nodes/" + id, admin, Map.of("maintenance", true, "cpuMillis", 6000,
                "version", node.path("version").asInt()));
        Api.Answer stale = api.patch("/api/nodes/" + id, admin, Map.of("cpuMillis", 7000,
                "version", node.path("version").asInt()));

        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.body().path("status").asString()).isEqualTo("MAINTENANCE");
        assertThat(changed.body().path("cpuMillis").asLong()).isEqualTo(6000);
        assertThat(stale.status()).isEqualTo(409);
        events.await("node.node.updated", id, p -> p.path("node").path("maintenance").asBoolean(), WAIT);
        assertThat(api.patch("/api/nodes/" + id, admin, Map.of("diskMib", 0)).status()).isEqualTo(400);
        assertThat(api.patch("/api/nodes/" + UUID.randomUUID(), admin, Map.of("diskMib", 1)).status()).isEqualTo(404);
    }

    @Test
    void letsOnlyAdminsSeeAndChangeNodes() {
        String customer = TestTokens.shared().user(UUID.randomUUID()).roles("customer").sign();
        String reader = TestTokens.shared().user(UUID.randomUUID()).permissions("nodes.read").sign();
        String agent = TestTokens.shared().agent(UUID.randomUUID()).sign();

        assertThat(api.get("/api/nodes", null).status()).isEqualTo(401);
        assertThat(api.get("/api/nodes", TestTokens.shared().user(UUID.randomUUID()).expired().sign()).status())
                .isEqualTo(401);
        assertThat(api.get("/api/nodes", customer).status()).isEqualTo(403);
        assertThat(api.get("/api/nodes", agent).status()).isEqualTo(403);
        assertThat(api.get("/api/nodes", reader).status()).isEqualTo(200);
        assertThat(api.post("/api/nodes", reader, nodeBody()).status()).isEqualTo(403);
        assertThat(api.post("/api/nodes/regions", customer, Map.of("code", "x1", "name", "X")).status())
                .isEqualTo(403);
    }

    @Test
    void validatesRegions() {
        assertThat(api.post("/api/nodes/regions", admin, Map.of("code", "Bad Code", "name", "x")).status())
                .isEqualTo(400);
        String code = region();
        assertThat(api.post("/api/nodes/regions", admin, Map.of("code", code, "name", "again")).status())
                .isEqualTo(409);
        JsonNode region = api.get("/api/nodes/regions?limit=100", admin).body().path("items").valueStream()
                .filter(r -> r.path("code").asString().equals(code)).findFirst().orElseThrow();
        Map<String, Object> body = new java.util.HashMap<>(nodeBody());
        body.put("region", code);
        assertThat(api.post("/api/nodes", admin, body).status()).isEqualTo(201);
        assertThat(api.delete("/api/nodes/regions/" + region.path("id").asString(), admin).status()).isEqualTo(409);
    }
}
