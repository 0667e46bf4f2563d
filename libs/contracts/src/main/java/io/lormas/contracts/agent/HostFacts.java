package io.lormas.contracts.agent;

import org.jspecify.annotations.Nullable;

/** What an agent reports about its host in {@link Hello}. */
public record HostFacts(
        String hostname,
        @Nullable String os,
        @Nullable String kernel,
        @Nullable String architecture,
        @Nullable String cpuModel,
        int cpuCount,
        long memoryMib,
        long diskMib,
        @Nullable String engine,
        @Nullable String engineVersion) {

    public HostFacts {
        Required.text(hostname, "host.hostname");
    }
}
