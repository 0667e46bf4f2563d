package io.lormas.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UsageSampleTest {

    @Test
    void computesCpuPercentLikeDockerStats() {
        UsageSample before = new UsageSample(1_000_000_000L, 100_000_000_000L, 2, 0, 0, 0, 0, 0, 0);
        UsageSample after = new UsageSample(1_500_000_000L, 102_000_000_000L, 2, 0, 0, 0, 0, 0, 1_000_000_000L);

        // 0.5 s of CPU over 2 s of host time (2 CPUs for 1 s): half a CPU = 50 %
        assertThat(after.cpuPercentSince(before)).isCloseTo(50.0, within(0.001));
    }

    @Test
    void fallsBackToWallTimeWithoutAHostCounter() {
        UsageSample before = new UsageSample(0, 0, 2, 0, 0, 0, 0, 0, 0);
        UsageSample after = new UsageSample(2_000_000_000L, 0, 2, 0, 0, 0, 0, 0, 1_000_000_000L);

        assertThat(after.cpuPercentSince(before)).isCloseTo(200.0, within(0.001));
        assertThat(before.cpuPercentSince(after)).isZero();
    }
}
