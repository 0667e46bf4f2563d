package io.lormas.agent.controlplane;

/** The control plane could not be reached or refused the agent; the message says which, for the operator. */
public final class ControlPlaneUnavailable extends RuntimeException {

    private final boolean refused;

    public ControlPlaneUnavailable(String message, boolean refused, Throwable cause) {
        super(message, cause);
        this.refused = refused;
    }

    public ControlPlaneUnavailable(String message, boolean refused) {
        super(message);
        this.refused = refused;
    }

    /** The control plane answered and said no (bad credentials, used token), as opposed to being unreachable. */
    public boolean refused() {
        return refused;
    }
}
