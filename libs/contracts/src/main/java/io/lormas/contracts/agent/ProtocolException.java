package io.lormas.contracts.agent;

/**
 * A frame that cannot be read. {@link #code()} goes into the {@link ProtocolError} answered to the peer.
 */
public final class ProtocolException extends RuntimeException {

    private final String code;

    public ProtocolException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** {@code malformed}, {@code unknown_type}, {@code invalid} or {@code wrong_direction}. */
    public String code() {
        return code;
    }

    public ProtocolError toError() {
        return new ProtocolError(code, getMessage(), null);
    }
}
