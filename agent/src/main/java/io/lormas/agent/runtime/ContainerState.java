package io.lormas.agent.runtime;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One container as the engine reports it.
 *
 * @param state created, running, paused, restarting, exited, dead (engine words)
 * @param exitCode the last exit code; null while it never ran
 * @param oomKilled the engine's OOM flag (always false on podman 4; see the agent README)
 */
public record ContainerState(
        String id,
        String name,
        @Nullable String image,
        Map<String, String> labels,
        String state,
        @Nullable Integer exitCode,
        boolean oomKilled,
        @Nullable Instant startedAt) {

    public ContainerState {
        labels = Map.copyOf(labels);
    }

    public boolean running() {
        return "running".equals(state) || "restarting".equals(state) || "paused".equals(state);
    }
}
