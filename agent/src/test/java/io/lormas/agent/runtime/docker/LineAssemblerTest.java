package io.lormas.agent.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class LineAssemblerTest {

    private final List<String> lines = new ArrayList<>();

    @Test
    void splitsChunksIntoLines() {
        LineAssembler assembler = new LineAssembler(1024, lines::add);

        assembler.accept("one\ntw".getBytes(StandardCharsets.UTF_8));
        assembler.accept("o\r\nthree".getBytes(StandardCharsets.UTF_8));
        assembler.finish();

        assertThat(lines).containsExactly("one", "two", "three");
    }

    @Test
    void keepsACharacterSplitBetweenChunksWhole() {
        LineAssembler assembler = new LineAssembler(1024, lines::add);
        byte[] text = "größe €\n".getBytes(StandardCharsets.UTF_8);

        for (byte b : text) {
            assembler.accept(new byte[] {b});
        }

        assertThat(lines).containsExactly("größe €");
    }

    @Test
    void cutsLinesThatNeverEnd() {
        LineAssembler assembler = new LineAssembler(8, lines::add);
        byte[] endless = new byte[20];
        Arrays.fill(endless, (byte) 'x');

        assembler.accept(endless);
        assembler.finish();

        assertThat(lines).containsExactly("xxxxxxxx", "xxxxxxxx", "xxxx");
    }
}
