package io.lormas.agent.runtime;

/** A container's stdin, kept open between writes. */
public interface ConsoleInput extends ContainerRuntime.Subscription {

    /**
     * Writes one line (a newline is added).
     *
     * @throws RuntimeFailure {@code NOT_RUNNING} when the attachment has ended
     */
    void writeLine(String line);

    /** False once the container stopped or the attachment was closed. */
    boolean isOpen();
}
