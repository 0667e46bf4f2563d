package io.lormas.contracts.agent;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One frame of the agent protocol. The {@code type} property names the message; see
 * {@link AgentProtocol} for encoding and decoding with clear errors.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = Heartbeat.class, name = "heartbeat"),
        @JsonSubTypes.Type(value = Inventory.class, name = "inventory"),
        @JsonSubTypes.Type(value = Ack.class, name = "ack"),
        @JsonSubTypes.Type(value = CommandResult.class, name = "command_result"),
        @JsonSubTypes.Type(value = ContainerEvent.class, name = "container_event"),
        @JsonSubTypes.Type(value = Console.class, name = "console"),
        @JsonSubTypes.Type(value = Stats.class, name = "stats"),
        @JsonSubTypes.Type(value = Welcome.class, name = "welcome"),
        @JsonSubTypes.Type(value = Command.class, name = "command"),
        @JsonSubTypes.Type(value = ProtocolError.class, name = "error"),
})
public sealed interface AgentMessage permits AgentMessage.FromAgent, AgentMessage.ToAgent {

    /** Frames an agent sends to the control plane. */
    sealed interface FromAgent extends AgentMessage
            permits Hello, Heartbeat, Inventory, Ack, CommandResult, ContainerEvent, Console, Stats, ProtocolError {
    }

    /** Frames the control plane sends to an agent. */
    sealed interface ToAgent extends AgentMessage permits Welcome, Command, ProtocolError {
    }
}
