package io.lormas.node.session;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.lormas.contracts.agent.ContainerStatus;
import io.lormas.contracts.agent.Welcome;
import io.lormas.node.NodeServiceTest;
import io.lormas.testkit.Awaits;
import io.lormas.testkit.agent.SimulatedAgent;

import static org.assertj.core.api.Assertions.assertThat;

class AgentSessionIT extends NodeServiceTest {

    @Test
    void helloBringsTheNodeOnlineWithItsFacts() {
        UUID nodeId = registeredNode();
        try (SimulatedAgent agent = agent(nodeId).hostname("host-a").containers(() -> List.of(
                new ContainerStatus("srv-1", "c-1", "running", "img", null, null))).build()) {

            Welcome welcome = agent.connect(WAIT);

            assertThat(welcome.nodeId()).isEqualTo(nodeId.toString());
            assertThat(welcome.sessionEpoch()).isPositive();
            assertThat(welcome.heartbeatIntervalSeconds()).isEqualTo(1);
            JsonNode online = events.await("node.node.went-online", nodeId.toString(), WAIT);
            assertThat(online.path("sessionEpoch").asLong()).isEqualTo(welcome.sessionEpoch());
            JsonNode inventory = events.await("node.agent.inventory-reported", nodeId.toString(), WAIT);
            assertThat(inventory.path("containers").get(0).path("serverId").asString()).isEqualTo("srv-1");
            JsonNode node = node(nodeId);
            assertThat(node.path("status").asString()).isEqualTo("ACTIVE");
            assertThat(node.path("online").asBoolean()).isTrue();
            assertThat(node.path("hostname").asString()).isEqualTo("host-a");
            assertThat(node.path("agentVersion").asString()).isEqualTo("simulated-1.0");
            assertThat(node.path("host").path("cpuModel").asString()).isEqualTo("Simulated CPU");
        }
    }

    @Test
    void heartbeatsKeepPresenceAndUsageFresh() {
        UUID nodeId = registeredNode();
        try (SimulatedAgent agent = agent(nodeId).build()) {
            agent.connect(WAIT);
            Awaits.until(WAIT, "two heartbeats", () -> agent.heartbeatsSent() >= 2);

            Awaits.until(WAIT, "usage in the API", () -> node(nodeId).path("usage").path("cpuPercent").asDouble() > 0);
            JsonNode node = node(nodeId);
            assertThat(node.path("usage").path("memoryTotalMib").asLong()).isEqualTo(8192);
            assertThat(node.path("lastHeartbeatAt").isNull()).isFalse();
            assertThat(redis.hasKey("lormas:node:" + nodeId + ":presence")).isTrue();
            assertThat(redis.getExpire("lormas:node:" + nodeId + ":presence")).isBetween(1L, 3L);
            Awaits.until(WAIT, "usage written to the database", () -> jdbc.queryForObject(
                    "select usage_at is not null from node where id = ?", Boolean.class, nodeId));
        }
    }

    @Test
    void marksTheNodeOfflineAfterThreeMissedHeartbeats() {
        UUID nodeId = registeredNode();
        SimulatedAgent agent = agent(nodeId).build();
        agent.connect(WAIT);
        events.await("node.node.went-online", nodeId.toString(), WAIT);

        long silentSince = System.nanoTime();
        agent.pauseHeartbeats();

        JsonNode offline = events.await("node.node.went-offline", nodeId.toString(), WAIT);
        long tookMillis = (System.nanoTime() - silentSince) / 1_000_000;
        assertThat(offline.path("reason").asString()).isEqualTo("heartbeat-timeout");
        // 3 missed heartbeats of 1 s; the sweeper runs every 200 ms and the outbox relays within a poll
        assertThat(tookMillis).isBetween(1_500L, 10_000L);
        assertThat(node(nodeId).path("status").asString()).isEqualTo("NOT_READY");
        SimulatedAgent.Closed closed = agent.awaitClose(WAIT);
        assertThat(closed.code()).isEqualTo(4002);
        agent.close();
    }

    @Test
    void aCrashedAgentGoesOfflineEvenWithoutAClose() {
        UUID nodeId = registeredNode();
        SimulatedAgent agent = agent(nodeId).build();
        agent.connect(WAIT);
        events.await("node.node.went-online", nodeId.toString(), WAIT);

        agent.crash();

        JsonNode offline = events.await("node.node.went-offline", nodeId.toString(), WAIT);
        assertThat(offline.path("reason").asString()).isEqualTo("heartbeat-timeout");
    }

    @Test
    void anAgentThatSaysGoodbyeIsOfflineAtOnce() {
        UUID nodeId = registeredNode();
        SimulatedAgent agent = agent(nodeId).build();
        agent.connect(WAIT);
        events.await("node.node.went-online", nodeId.toString(), WAIT);

        agent.close();

        JsonNode offline = events.await("node.node.went-offline", nodeId.toString(), WAIT);
        assertThat(offline.path("reason").asString()).isEqualTo("disconnected");
    }

    @Test
    void aNewSessionReplacesTheOldOne() {
        UUID nodeId = registeredNode();
        try (SimulatedAgent first = agent(nodeId).build(); SimulatedAgent second = agent(nodeId).build()) {
            Welcome old = first.connect(WAIT);

            Welcome current = second.connect(WAIT);

            assertThat(current.sessionEpoch()).isGreaterThan(old.sessionEpoch());
            assertThat(first.awaitError("stale_session", WAIT).message()).contains("replaced");
            assertThat(first.awaitClose(WAIT).code()).isEqualTo(4001);
            assertThat(second.isConnected()).isTrue();
            Awaits.until(WAIT, "epoch in the API", () -> node(nodeId).path("sessionEpoch").asLong()
                    == current.sessionEpoch());
            assertThat(node(nodeId).path("online").asBoolean()).as("replacing is no disconnect").isTrue();
        }
    }

    @Test
    void refusesFramesOfAStaleSession() {
        UUID nodeId = registeredNode();
        try (SimulatedAgent agent = agent(nodeId).build()) {
            Welcome welcome = agent.connect(WAIT);
            // A newer session exists elsewhere, and this replica missed the announcement.
            redis.opsForValue().set("lormas:node:" + nodeId + ":session", Long.toString(welcome.sessionEpoch() + 1));

            agent.heartbeat();

            assertThat(agent.awaitError("stale_session", WAIT)).isNotNull();
            assertThat(agent.awaitClose(WAIT).code()).isEqualTo(4001);
        }
    }

    @Test
    void sessionsHeldSilentlyAreCheckedAgainstRedis() {
        UUID nodeId = registeredNode();
        try (SimulatedAgent agent = agent(nodeId).heartbeatInterval(Duration.ofMinutes(5)).build()) {
            Welcome welcome = agent.connect(WAIT);

            redis.opsForValue().set("lormas:node:" + nodeId + ":session", Long.toString(welcome.sessionEpoch() + 1));

            assertThat(agent.awaitClose(WAIT).code()).as("the periodic check closes it").isEqualTo(4001);
        }
    }
}
