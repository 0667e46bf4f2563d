package io.lormas.deploy.server;

import java.util.Locale;

import io.lormas.contracts.identity.Permissions;

/** What a user asks of a server's process, and the server permission each needs. */
public enum PowerSignal {
    START(Permissions.CONTROL_START),
    STOP(Permissions.CONTROL_STOP),
    RESTART(Permissions.CONTROL_RESTART),
    KILL(Permissions.CONTROL_STOP);

    private final String permission;

    PowerSignal(String permission) {
        this.permission = permission;
    }

    public String permission() {
        return permission;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code start|stop|restart|kill}, or null when the text is none of them. */
    public static @org.jspecify.annotations.Nullable PowerSignal parse(@org.jspecify.annotations.Nullable String text) {
        if (text == null) {
            return null;
        }
        for (PowerSignal signal : values()) {
            if (signal.wire().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return signal;
            }
        }
        return null;
    }
}
