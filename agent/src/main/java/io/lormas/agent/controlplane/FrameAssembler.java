package io.lormas.agent.controlplane;

import org.jspecify.annotations.Nullable;

/**
 * Joins the parts of one WebSocket text message and refuses messages over the limit without keeping them: the
 * parts of an oversized message are counted and thrown away, so a peer cannot make the agent hold a huge frame.
 */
final class FrameAssembler {

    /** What one part completed. */
    sealed interface Outcome permits Partial, Complete, Oversized {
    }

    record Partial() implements Outcome {
    }

    record Complete(String frame) implements Outcome {
    }

    record Oversized(long bytes) implements Outcome {
    }

    private static final Partial PARTIAL = new Partial();

    private final int maxBytes;
    private final StringBuilder text = new StringBuilder();
    private long bytes;
    private boolean oversized;

    FrameAssembler(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    Outcome append(CharSequence part, boolean last) {
        bytes += utf8Length(part);
        if (!oversized && bytes > maxBytes) {
            oversized = true;
            text.setLength(0);
            text.trimToSize();
        }
        if (!oversized) {
            text.append(part);
        }
        if (!last) {
            return PARTIAL;
        }
        Outcome outcome = oversized ? new Oversized(bytes) : new Complete(text.toString());
        text.setLength(0);
        if (text.capacity() > 64 * 1024) {
            text.trimToSize();
        }
        bytes = 0;
        oversized = false;
        return outcome;
    }

    static long utf8Length(@Nullable CharSequence text) {
        if (text == null) {
            return 0;
        }
        long length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isSurrogate(c)) {
                length += 2; // each half of a pair: 4 bytes for the pair
            } else {
                length += 3;
            }
        }
        return length;
    }
}
