package io.lormas.deploy.server;

import java.util.Locale;

/** The server states on the wire (DESIGN.md section 6). */
public enum ServerState {
    INSTALLING, INSTALL_FAILED, STOPPED, STARTING, RUNNING, STOPPING, CRASHED, SUSPENDED, NODE_OFFLINE, DELETING;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ServerState fromWire(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    static ServerState of(Lifecycle lifecycle) {
        return valueOf(lifecycle.name());
    }
}
