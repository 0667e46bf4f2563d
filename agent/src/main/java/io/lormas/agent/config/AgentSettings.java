package io.lormas.agent.config;

import java.nio.file.Path;
import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import org.jspecify.annotations.Nullable;

/**
 * Where the agent keeps its own state and the servers' data, and how servers run.
 *
 * @param stateDir credentials, command results and server specs; readable by the agent only
 * @param dataRoot parent of every server's data directory ({@code <dataRoot>/<serverId>})
 * @param containerUid owner of data directories and the user servers run as
 * @param containerGid group of data directories and servers
 * @param hostname reported to the control plane; null means the host's name
 * @param powerLockWait how long a power action waits for the previous one on the same server
 * @param commandHistory how many command results are kept to answer repeated command ids
 */
@ConfigurationProperties("lormas.agent")
public record AgentSettings(
        @Bindable(defaultValue = "/var/lib/lormas/agent") String stateDir,
        @Bindable(defaultValue = "/var/lib/lormas/servers") String dataRoot,
        @Bindable(defaultValue = "1000") int containerUid,
        @Bindable(defaultValue = "1000") int containerGid,
        @Nullable String hostname,
        @Bindable(defaultValue = "30s") Duration powerLockWait,
        @Bindable(defaultValue = "5000") int commandHistory) {

    public Path statePath() {
        return Path.of(stateDir).toAbsolutePath().normalize();
    }

    public Path dataPath() {
        return Path.of(dataRoot).toAbsolutePath().normalize();
    }

    /** The {@code uid:gid} servers run as. */
    public String containerUser() {
        return containerUid + ":" + containerGid;
    }
}
