package io.lormas.node.session;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lormas.contracts.agent.ProtocolError;
import io.lormas.node.NodeServiceTest;
import io.lormas.testkit.Awaits;
import io.lormas.testkit.agent.SimulatedAgent;

import static org.assertj.core.api.Assertions.assertThat;

class AgentBadInputIT extends NodeServiceTest {

    @Test
    void answersAMalformedFrameWithAnErrorFrameAndClosesAfterThreeInARow() {
        UUID nodeId = registeredNode();
        try (SimulatedAgent agent = agent(nodeId).build()) {
            agent.connect(WAIT);
            agent.sendText("{not json");
            agent.sendText("{\"type\":\"heartbeat\"}"); // misses its required fields
            Awaits.until(WAIT, "two error frames", () -> agent.errors().size() >= 2);
            agent.heartbeat(); // a good frame in between: the count starts again
            agent.sendText("[]");
            agent.sendText("{\"type\":\"welcome\",\"nodeId\":\"x\",\"sessionEpoch\":1,\"heartbeatIntervalSeconds\":1,\"protocolVersion\":1}");
            Awaits.until(WAIT, "four error frames", () -> agent.errors().size() >= 4);
            assertThat(agent.isConnected()).as("not three in a row yet").isTrue();

            agent.sendText("\u0000");

            SimulatedAgent.Closed closed = agent.awaitClose(WAIT);
            assertThat(closed.code()).isEqualTo(1002);
            assertThat(agent.errors()).extracting(ProtocolError::code)
                    .containsExactly("malformed", "invalid", "invalid", "wrong_direction", "malformed");
        }
    }

    @Test
    void answersAnUnknownTypeWithAnErrorFrameAndKeepsTheSession() {
        UUID nodeId = registeredNode();
        try (SimulatedAgent agent = agent(nodeId).build()) {
            agent.connect(WAIT);
            for (int i = 0; i < 4; i++) {
                agent.sendText("{\"type\":\"telemetry\",\"x\":" + i + "}");
            }

            Awaits.until(WAIT, "four error frames", () -> agent.errors().size() >= 4);
            assertThat(agent.errors()).allMatch(error -> error.code().equals("unknown_type"));
            assertThat(agent.errors().getFirst().message()).contains("telemetry").contains("heartbeat");
            agent.heartbeat();
            assertThat(agent.isConnected()).isTrue();
        }
    }

    @Test
    void closesWith1009OnAFrameAboveTheLimit() {
        UUID nodeId = registeredNode();
        try (SimulatedAgent agent = agent(nodeId).build()) {
            agent.connect(WAIT);

            agent.console("srv", "x".repeat(70 * 1024)); // the test limit is 64 KB

            assertThat(agent.awaitClose(WAIT).code()).isEqualTo(1009);
        }
    }

    @Test
    void acceptsAFrameJustBelowTheLimitInPieces() {
        UUID nodeId = registeredNode();
        try (SimulatedAgent agent = agent(nodeId).build()) {
            agent.connect(WAIT);

            agent.sendText("{\"type\":\"telemetry\",\"padding\":\"" + "é".repeat(30 * 1024) + "\"}"); // ~60 KB

            assertThat(agent.awaitError("unknown_type", WAIT)).isNotNull();
            assertThat(agent.isConnected()).isTrue();
        }
    }

    @Test
    void answersABinaryFrameWithAnErrorFrame() {
        UUID nodeId = registeredNode();
        try (SimulatedAgent agent = agent(nodeId).build()) {
            agent.connect(WAIT);
            agent.sendBinary(new byte[] { 1, 2, 3 });

            assertThat(agent.awaitError("invalid", WAIT).message()).contains("binary");
            assertThat(agent.isConnected()).isTrue();
        }
    }

    @Test
    void refusesReportsAboutServersOfOtherNodes() {
        UUID nodeId = registeredNode();
        try (SimulatedAgent agent = agent(nodeId).build()) {
            agent.connect(WAIT);

            agent.console("someone-elses-server", "fake line");

            assertThat(agent.awaitError("unknown_server", WAIT).ref()).isEqualTo("someone-elses-server");
            assertThat(redis.hasKey("lormas:server:someone-elses-server:console:recent")).isFalse();
        }
    }
}
