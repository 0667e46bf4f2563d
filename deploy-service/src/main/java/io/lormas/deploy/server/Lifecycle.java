package io.lormas.deploy.server;

import java.util.Locale;

/**
 * Where a server is in its life, as far as its container goes. Suspension and node presence are kept beside it
 * (a suspended server still stops; a server on an offline node keeps what it was doing), and
 * {@link Server#state()} combines them into the state on the wire.
 */
public enum Lifecycle {
    INSTALLING, INSTALL_FAILED, STOPPED, STARTING, RUNNING, STOPPING, CRASHED, DELETING;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Lifecycle fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    /** The install finished: the server has data and a spec on its node. */
    boolean installed() {
        return this != INSTALLING && this != INSTALL_FAILED && this != DELETING;
    }
}
