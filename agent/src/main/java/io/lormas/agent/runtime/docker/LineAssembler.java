package io.lormas.agent.runtime.docker;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Turns chunks of a byte stream into lines. Lines are split on bytes, not characters, so a UTF-8 character
 * cut between two chunks is decoded whole; a line longer than the limit is delivered in pieces, so a server
 * that never prints a newline cannot grow the agent's memory.
 */
final class LineAssembler {

    private final int maxLineBytes;
    private final Consumer<String> lines;
    private byte[] buffer = new byte[256];
    private int length;

    LineAssembler(int maxLineBytes, Consumer<String> lines) {
        this.maxLineBytes = maxLineBytes;
        this.lines = lines;
    }

    void accept(byte[] chunk) {
        for (byte b : chunk) {
            if (b == '\n') {
                emit();
                continue;
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxLineBytes));
            }
            buffer[length++] = b;
            if (length >= maxLineBytes) {
                emit();
            }
        }
    }

    /** Delivers a last line that had no newline. */
    void finish() {
        if (length > 0) {
            emit();
        }
    }

    private void emit() {
        int end = length;
        if (end > 0 && buffer[end - 1] == '\r') {
            end--;
        }
        String line = new String(buffer, 0, end, StandardCharsets.UTF_8);
        length = 0;
        if (buffer.length > 4096) {
            buffer = new byte[256]; // give back memory after a long line
        }
        lines.accept(line);
    }
}
