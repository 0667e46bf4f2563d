package io.lormas.agent.runtime;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A container event from the engine.
 *
 * @param action {@code start}, {@code die}, {@code oom}, {@code health_status: healthy} ... (podman's
 *        {@code died} arrives as {@code die})
 * @param exitCode set for {@code die}
 */
public record EngineEvent(String containerId, String action, Map<String, String> labels, @Nullable Integer exitCode,
        Instant at) {

    public EngineEvent {
        labels = Map.copyOf(labels);
    }
}
