package io.lormas.contracts.agent;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A state change of a server's container that the engine reported.
 *
 * @param causedByAgent true when the agent itself stopped or killed the container (not a crash)
 */
public record ContainerEvent(
        String serverId,
        Kind event,
        @Nullable Integer exitCode,
        boolean causedByAgent,
        Instant at,
        @Nullable String message) implements AgentMessage.FromAgent {

    public enum Kind {
        @JsonProperty("started") STARTED,
        /** The server printed one of its egg's {@code startupDone} texts: it finished starting. */
        @JsonProperty("ready") READY,
        @JsonProperty("died") DIED,
        @JsonProperty("oom") OOM,
        @JsonProperty("unhealthy") UNHEALTHY,
        @JsonProperty("healthy") HEALTHY,
        @JsonProperty("disk_exceeded") DISK_EXCEEDED
    }

    public ContainerEvent {
        Required.text(serverId, "serverId");
        Required.present(event, "event");
        Required.present(at, "at");
    }
}
