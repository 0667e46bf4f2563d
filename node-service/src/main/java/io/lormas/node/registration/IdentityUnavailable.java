package io.lormas.node.registration;

/** identity-service could not be reached, failed, timed out, or its circuit breaker is open. */
public class IdentityUnavailable extends RuntimeException {

    public IdentityUnavailable(String message) {
        super(message);
    }

    public IdentityUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
