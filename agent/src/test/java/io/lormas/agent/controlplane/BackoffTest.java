package io.lormas.agent.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void growsExponentiallyWithJitterUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(7));
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            delays.add(backoff.next().toMillis());
        }

        long[][] bounds = {{500, 1000}, {1000, 2000}, {2000, 4000}, {4000, 8000}, {8000, 16000}, {16000, 32000}};
        for (int i = 0; i < bounds.length; i++) {
            assertThat(delays.get(i)).isBetween(bounds[i][0], bounds[i][1]);
        }
        assertThat(delays.subList(6, 12)).allSatisfy(d -> assertThat(d).isBetween(30_000L, 60_000L));
    }

    @Test
    void startsOverAfterReset() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(1));
        for (int i = 0; i < 10; i++) {
            backoff.next();
        }

        backoff.reset();

        assertThat(backoff.next()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void spreadsReconnectsOfManyNodes() {
        List<Long> first = new ArrayList<>();
        for (int node = 0; node < 100; node++) {
            Backoff backoff = new Backoff(Duration.ofSeconds(8), Duration.ofSeconds(60), new SplittableRandom(node));
            first.add(backoff.next().toMillis());
        }
        assertThat(first.stream().distinct().count()).isGreaterThan(90);
    }
}
