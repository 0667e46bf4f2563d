package io.lormas.launcher;

/** A problem the person starting the platform can fix; its message is printed as is, without a stack trace. */
public final class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }
}
