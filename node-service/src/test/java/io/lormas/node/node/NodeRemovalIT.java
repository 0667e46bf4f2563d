package io.lormas.node.node;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lormas.node.FakeIdentity;
import io.lormas.node.NodeServiceTest;
import io.lormas.testkit.agent.SimulatedAgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeRemovalIT extends NodeServiceTest {

    @Test
    void removingANodeRevokesItsAgentAndClosesItsSession() {
        UUID nodeId = registeredNode();
        SimulatedAgent agent = agent(nodeId).build();
        agent.connect(WAIT);
        assertThat(FakeIdentity.shared().hasClient(nodeId)).isTrue();

        assertThat(api.delete("/api/nodes/" + nodeId, admin).status()).isEqualTo(204);

        assertThat(FakeIdentity.shared().hasClient(nodeId)).as("its OAuth client is deleted").isFalse();
        assertThat(agent.awaitError("node_removed", WAIT)).isNotNull();
        assertThat(agent.awaitClose(WAIT).code()).isEqualTo(4003);
        events.await("node.node.removed", nodeId.toString(), WAIT);
        assertThat(api.get("/api/nodes/" + nodeId, admin).status()).isEqualTo(404);
        assertThatThrownBy(() -> agent.connect(WAIT)).isInstanceOf(SimulatedAgent.RefusedException.class);
        assertThat(agent.lastHandshakeStatus()).isEqualTo(403);
        assertThat(api.delete("/api/nodes/" + nodeId, admin).status()).isEqualTo(404);
    }

    @Test
    void keepsTheNodeWhenItsCredentialsCannotBeRevoked() {
        UUID nodeId = registeredNode();
        FakeIdentity.shared().failing = true;

        int status = api.delete("/api/nodes/" + nodeId, admin).status();

        FakeIdentity.shared().failing = false;
        assertThat(status).isEqualTo(503);
        assertThat(api.get("/api/nodes/" + nodeId, admin).status()).isEqualTo(200);
        assertThat(FakeIdentity.shared().hasClient(nodeId)).isTrue();
    }
}
