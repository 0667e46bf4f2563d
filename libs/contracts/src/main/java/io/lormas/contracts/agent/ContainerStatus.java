package io.lormas.contracts.agent;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One Lormas container as the engine sees it.
 *
 * @param state the engine's state: created, running, paused, restarting, exited, dead
 */
public record ContainerStatus(
        String serverId,
        String containerId,
        String state,
        @Nullable String image,
        @Nullable Integer exitCode,
        @Nullable Instant startedAt) {

    public ContainerStatus {
        Required.text(serverId, "serverId");
        Required.text(containerId, "containerId");
        Required.text(state, "state");
    }
}
