package io.lormas.node.session;

import org.jspecify.annotations.Nullable;

/**
 * Joins the parts of one text frame (Tomcat hands them over in buffer-sized pieces) and counts its UTF-8 size, so
 * a frame above the limit is refused before it is held in memory. One per session; not thread-safe (a session's
 * frames arrive one at a time).
 */
final class FrameAssembler {

    /** Returned by {@link #append} when the frame exceeds the limit. */
    static final String OVERSIZED = new String("oversized");

    private final long maxBytes;
    private @Nullable StringBuilder parts;
    private long bytes;

    FrameAssembler(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @return the whole frame when {@code last}, {@link #OVERSIZED} (compare by identity) when over the limit,
     *         null while parts are missing
     */
    @Nullable String append(String part, boolean last) {
        bytes += utf8Length(part);
        if (bytes > maxBytes) {
            parts = null;
            bytes = 0;
            return OVERSIZED;
        }
        if (last && parts == null) {
            bytes = 0;
            return part; // the usual case: a whole frame in one piece, no copy
        }
        if (parts == null) {
            parts = new StringBuilder(part.length() * 2);
        }
        parts.append(part);
        if (!last) {
            return null;
        }
        String frame = parts.toString();
        parts = null;
        bytes = 0;
        return frame;
    }

    /** Counts binary parts against the same limit; true when over it. */
    boolean countBinary(int length, boolean last) {
        bytes += length;
        boolean over = bytes > maxBytes;
        if (last || over) {
            bytes = 0;
        }
        return over;
    }

    static long utf8Length(CharSequence text) {
        long length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
