package io.lormas.agent.runtime;

import org.jspecify.annotations.Nullable;

/** A container engine operation that failed, with a reason the workload can turn into a command error. */
public final class RuntimeFailure extends RuntimeException {

    public enum Reason {
        ENGINE_UNAVAILABLE,
        IMAGE_MISSING,
        NOT_FOUND,
        NOT_RUNNING,
        CONFLICT,
        INVALID,
        BUILD_FAILED,
        ENGINE_ERROR
    }

    private final Reason reason;

    public RuntimeFailure(Reason reason, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public RuntimeFailure(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
