package io.lormas.node.session;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lormas.node.NodeServiceTest;
import io.lormas.testkit.TestTokens;
import io.lormas.testkit.agent.SimulatedAgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only an agent token of an existing node gets a session; everything else is refused at the upgrade. */
class AgentUpgradeIT extends NodeServiceTest {

    private int refusedWith(SimulatedAgent.Builder builder) {
        SimulatedAgent agent = builder.build();
        assertThatThrownBy(() -> agent.connect(Duration.ofSeconds(10))).isInstanceOf(SimulatedAgent.RefusedException.class);
        return agent.lastHandshakeStatus();
    }

    @Test
    void refusesAConnectionWithoutAToken() {
        assertThat(refusedWith(SimulatedAgent.builder(connectUrl()).token(""))).isEqualTo(401);
    }

    @Test
    void refusesAnInvalidToken() {
        UUID nodeId = registeredNode();
        assertThat(refusedWith(SimulatedAgent.builder(connectUrl())
                .token(TestTokens.shared().agent(nodeId).signedWithForeignKey().sign()))).isEqualTo(401);
        assertThat(refusedWith(SimulatedAgent.builder(connectUrl())
                .token(TestTokens.shared().agent(nodeId).expired().sign()))).isEqualTo(401);
    }

    @Test
    void refusesATokenWithoutScopeAgent() {
        UUID nodeId = registeredNode();
        String noScope = TestTokens.shared().agent(nodeId).scopes("servers.read").sign();
        String user = TestTokens.shared().user(UUID.randomUUID()).roles("admin").sign();

        assertThat(refusedWith(SimulatedAgent.builder(connectUrl()).token(noScope))).isEqualTo(403);
        assertThat(refusedWith(SimulatedAgent.builder(connectUrl()).token(user))).isEqualTo(403);
    }

    @Test
    void refusesATokenOfAnotherNode() {
        UUID nodeId = registeredNode();
        UUID otherNode = registeredNode();

        assertThat(refusedWith(agent(otherNode).header(AgentHandshake.NODE_HEADER, nodeId.toString()))).isEqualTo(403);
        assertThat(refusedWith(SimulatedAgent.builder(java.net.URI.create(connectUrl() + "?nodeId=" + nodeId))
                .token(TestTokens.shared().agent(otherNode).sign()))).isEqualTo(403);
        try (SimulatedAgent own = agent(nodeId).header(AgentHandshake.NODE_HEADER, nodeId.toString()).build()) {
            assertThat(own.connect(WAIT).nodeId()).isEqualTo(nodeId.toString());
        }
    }

    @Test
    void refusesATokenForANodeThatDoesNotExist() {
        assertThat(refusedWith(agent(UUID.randomUUID()))).isEqualTo(403);
    }
}
