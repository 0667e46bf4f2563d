package io.lormas.platform.id;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids made by one JVM are strictly
 * increasing (a counter in the random part keeps order within a millisecond), so primary-key indexes
 * stay append-only.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static long lastMillis;
    private static long sequence; // 12 bits, rand_a

    private Ids() {
    }

    public static UUID newId() {
        long millis;
        long seq;
        LOCK.lock();
        try {
            long now = System.currentTimeMillis();
            if (now > lastMillis) {
                lastMillis = now;
                sequence = RANDOM.nextInt(1 << 11); // leave room to count up within the millisecond
            } else if (++sequence > 0xFFF) {
                lastMillis++; // counter exhausted: borrow the next millisecond, order is kept
                sequence = 0;
            }
            millis = lastMillis;
            seq = sequence;
        } finally {
            LOCK.unlock();
        }
        long msb = (millis << 16) | 0x7000L | seq;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** Unix milliseconds encoded in a UUIDv7. */
    public static long millisOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a UUIDv7: " + id);
        }
        return id.getMostSignificantBits() >>> 16;
    }
}
