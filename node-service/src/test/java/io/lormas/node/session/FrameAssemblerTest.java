package io.lormas.node.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrameAssemblerTest {

    @Test
    void passesAWholeFrameThroughWithoutCopying() {
        FrameAssembler assembler = new FrameAssembler(100);
        String frame = "{\"type\":\"heartbeat\"}";

        assertThat(assembler.append(frame, true)).isSameAs(frame);
    }

    @Test
    void joinsPartsAndStartsAgainAfterEachFrame() {
        FrameAssembler assembler = new FrameAssembler(100);

        assertThat(assembler.append("abc", false)).isNull();
        assertThat(assembler.append("def", true)).isEqualTo("abcdef");
        assertThat(assembler.append("x".repeat(100), true)).hasSize(100);
    }

    @Test
    void refusesAFrameAboveTheLimitCountingUtf8Bytes() {
        FrameAssembler assembler = new FrameAssembler(10);

        assertThat(assembler.append("ééééé", true)).as("10 bytes").isEqualTo("ééééé");
        assertThat(assembler.append("éééé", false)).isNull();
        assertThat(assembler.append("éé", false)).isSameAs(FrameAssembler.OVERSIZED);
        assertThat(FrameAssembler.utf8Length("a€😀")).isEqualTo(1 + 3 + 4);
    }

    @Test
    void countsBinaryPartsAgainstTheSameLimit() {
        FrameAssembler assembler = new FrameAssembler(10);

        assertThat(assembler.countBinary(6, false)).isFalse();
        assertThat(assembler.countBinary(6, true)).isTrue();
        assertThat(assembler.countBinary(6, true)).as("counting starts again").isFalse();
    }
}
