package io.lormas.agent.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameAssemblerTest {

    @Test
    void joinsThePartsOfAFrame() {
        FrameAssembler assembler = new FrameAssembler(100);

        assertThat(assembler.append("{\"type\":", false)).isInstanceOf(FrameAssembler.Partial.class);
        assertThat(assembler.append("\"ack\"}", true)).isEqualTo(new FrameAssembler.Complete("{\"type\":\"ack\"}"));
        assertThat(assembler.append("{}", true)).isEqualTo(new FrameAssembler.Complete("{}"));
    }

    @Test
    void refusesAFrameOverTheLimitAndRecoversForTheNext() {
        FrameAssembler assembler = new FrameAssembler(10);

        assembler.append("123456", false);
        assembler.append("789012", false);
        FrameAssembler.Outcome outcome = assembler.append("345", true);

        assertThat(outcome).isEqualTo(new FrameAssembler.Oversized(15));
        assertThat(assembler.append("ok", true)).isEqualTo(new FrameAssembler.Complete("ok"));
    }

    @Test
    void countsBytesNotCharacters() {
        assertThat(FrameAssembler.utf8Length("aé€😀")).isEqualTo(1 + 2 + 3 + 4);
        FrameAssembler assembler = new FrameAssembler(5);
        assertThat(assembler.append("€€", true)).isInstanceOf(FrameAssembler.Oversized.class);
    }
}
