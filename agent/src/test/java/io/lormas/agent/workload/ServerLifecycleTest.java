package io.lormas.agent.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.lormas.agent.runtime.ContainerDefinition;
import io.lormas.contracts.agent.ServerSpec;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {

    @Test
    void turnsThePlanIntoEngineLimits() {
        ContainerDefinition.Resources resources = ServerLifecycle.resources(new ServerSpec.Limits(1500, 1024, 512, 10_240, 256, 5000));

        assertThat(resources.memoryBytes()).isEqualTo(1024L * 1024 * 1024);
        assertThat(resources.memorySwapBytes()).isEqualTo(1536L * 1024 * 1024);
        assertThat(resources.nanoCpus()).isEqualTo(1_500_000_000L);
        assertThat(resources.pidsLimit()).isEqualTo(256);
        assertThat(resources.ioWeight()).isEqualTo(1000);
        assertThat(ServerLifecycle.resources(new ServerSpec.Limits(100, 64, -1, 10, 10, 0)).memorySwapBytes()).isEqualTo(-1);
        assertThat(ServerLifecycle.resources(new ServerSpec.Limits(100, 64, 0, 10, 10, 0)).memorySwapBytes())
                .isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void readsEggStopSignals() {
        assertThat(ServerLifecycle.signalName("^C")).isEqualTo("SIGINT");
        assertThat(ServerLifecycle.signalName("SIGTERM")).isEqualTo("SIGTERM");
        assertThat(ServerLifecycle.signalName("kill")).isEqualTo("SIGKILL");
        assertThatThrownBy(() -> ServerLifecycle.signalName("rm -rf /"))
                .isInstanceOfSatisfying(CommandFailure.class, e -> assertThat(e.code()).isEqualTo("invalid_command"));
    }

    @Test
    void givesServersPterodactylsVariablesUnderTheirOwn() {
        ServerSpec spec = new ServerSpec("o", "img", List.of(), Map.of("SERVER_MEMORY", "override", "X", "1"),
                new ServerSpec.Limits(100, 512, 0, 100, 64, 0), List.of(new ServerSpec.Allocation("10.0.0.2", 25565)),
                List.of(), new ServerSpec.StopSpec(ServerSpec.StopSpec.Type.SIGNAL, "SIGTERM", 5), null, List.of(), List.of());

        assertThat(ServerLifecycle.environment("s1", spec)).containsEntry("SERVER_MEMORY", "override")
                .containsEntry("SERVER_IP", "10.0.0.2").containsEntry("SERVER_PORT", "25565")
                .containsEntry("P_SERVER_UUID", "s1").containsEntry("X", "1");
    }
}
