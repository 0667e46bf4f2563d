package io.lormas.contracts.agent;

/** The agent received a {@link Command} and recorded it; its {@link CommandResult} follows. */
public record Ack(String commandId) implements AgentMessage.FromAgent {

    public Ack {
        Required.text(commandId, "commandId");
    }
}
