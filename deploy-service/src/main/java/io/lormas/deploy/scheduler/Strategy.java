package io.lormas.deploy.scheduler;

/** How the scheduler chooses among nodes that fit. */
public enum Strategy {
    /** Fill the most used node first: keeps whole nodes free for large servers and for draining. */
    BIN_PACK,
    /** Use the least used node first: spreads load and the blast radius of a node failure. */
    SPREAD;

    /** Reads {@code bin-pack} / {@code spread} (any case, dashes or underscores). */
    public static Strategy parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
