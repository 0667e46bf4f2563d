package io.lormas.contracts.agent;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A batch of console lines of one server.
 *
 * @param dropped lines the agent dropped before this batch because the server printed faster than allowed
 */
public record Console(String serverId, Source source, List<String> lines, int dropped)
        implements AgentMessage.FromAgent {

    public enum Source {
        @JsonProperty("server") SERVER,
        @JsonProperty("install") INSTALL
    }

    public Console {
        Required.text(serverId, "serverId");
        if (source == null) {
            source = Source.SERVER;
        }
        lines = Required.list(lines);
        if (dropped < 0) {
            throw new IllegalArgumentException("'dropped' must not be negative");
        }
    }
}
