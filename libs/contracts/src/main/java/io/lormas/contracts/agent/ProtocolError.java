package io.lormas.contracts.agent;

import org.jspecify.annotations.Nullable;

/**
 * A frame could not be handled. Either side sends it; the connection stays open unless the sender
 * closes it (node-service closes after three malformed frames in a row).
 *
 * @param code e.g. {@code malformed}, {@code unknown_type}, {@code invalid}, {@code stale_session}
 */
public record ProtocolError(String code, String message, @Nullable String ref)
        implements AgentMessage.FromAgent, AgentMessage.ToAgent {

    public ProtocolError {
        Required.text(code, "code");
        Required.text(message, "message");
    }
}
