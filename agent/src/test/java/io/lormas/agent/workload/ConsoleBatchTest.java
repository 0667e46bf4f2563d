package io.lormas.agent.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.lormas.agent.config.ConsoleSettings;
import io.lormas.contracts.agent.Console;
import org.junit.jupiter.api.Test;

class ConsoleBatchTest {

    private static final long SECOND = 1_000_000_000L;
    private final ConsoleSettings settings = new ConsoleSettings(10, 20, Duration.ofMillis(100), 8, 16);

    @Test
    void letsABurstThroughThenDropsAndCountsTheExcess() {
        ConsoleBatch batch = new ConsoleBatch("s1", Console.Source.SERVER, settings, 0);
        for (int i = 0; i < 50; i++) {
            batch.offer("line " + i, 0);
        }

        List<Console> frames = batch.drain();

        assertThat(frames).hasSize(3);
        assertThat(frames.getFirst().dropped()).isEqualTo(30);
        assertThat(frames.stream().mapToInt(f -> f.lines().size()).sum()).isEqualTo(20);
        assertThat(frames).allSatisfy(f -> assertThat(f.lines()).hasSizeLessThanOrEqualTo(8));
        assertThat(batch.drain()).isEmpty();
    }

    @Test
    void refillsAtTheSustainedRate() {
        ConsoleBatch batch = new ConsoleBatch("s1", Console.Source.SERVER, settings, 0);
        for (int i = 0; i < 20; i++) {
            batch.offer("burst", 0);
        }
        batch.drain();

        for (int i = 0; i < 20; i++) {
            batch.offer("later", 2 * SECOND / 2); // one second later: 10 more lines
        }

        List<Console> frames = batch.drain();
        assertThat(frames.stream().mapToInt(f -> f.lines().size()).sum()).isEqualTo(10);
        assertThat(frames.getFirst().dropped()).isEqualTo(10);
    }

    @Test
    void cutsLongLinesAndCountsDiscardedLinesAsDropped() {
        ConsoleBatch batch = new ConsoleBatch("s1", Console.Source.INSTALL, settings, 0);
        batch.offer("x".repeat(100), 0);
        batch.offer("y", 0);

        batch.discard();
        batch.offer("z".repeat(20), 0);
        List<Console> frames = batch.drain();

        assertThat(frames).singleElement().satisfies(frame -> {
            assertThat(frame.source()).isEqualTo(Console.Source.INSTALL);
            assertThat(frame.dropped()).isEqualTo(2);
            assertThat(frame.lines()).containsExactly("z".repeat(16));
        });
    }
}
