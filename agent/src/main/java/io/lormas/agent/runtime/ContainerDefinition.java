package io.lormas.agent.runtime;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Everything needed to create one container. Hardening that is never optional (capabilities dropped,
 * no-new-privileges, init) is applied by the runtime itself, not described here.
 *
 * @param command argument array; empty keeps the image's default
 * @param entrypoint replaces the image's entrypoint when not null
 * @param user {@code uid:gid}
 * @param network network to join; null keeps the engine's default
 * @param capabilities capabilities added back after dropping all, without {@code CAP_} prefix
 * @param openStdin keep stdin open so a console can write to it
 */
public record ContainerDefinition(
        String name,
        String image,
        List<String> command,
        @Nullable List<String> entrypoint,
        Map<String, String> environment,
        Map<String, String> labels,
        String user,
        String workingDir,
        List<BindMount> mounts,
        Resources resources,
        List<PortBinding> ports,
        List<String> capabilities,
        @Nullable String network,
        Map<String, String> tmpfs,
        boolean openStdin) {

    public ContainerDefinition {
        command = List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        environment = Map.copyOf(environment);
        labels = Map.copyOf(labels);
        mounts = List.copyOf(mounts);
        ports = List.copyOf(ports);
        capabilities = List.copyOf(capabilities);
        tmpfs = Map.copyOf(tmpfs);
    }

    /** A host directory mounted into the container. */
    public record BindMount(String hostPath, String containerPath, boolean readOnly) {
    }

    /** A host port forwarded to the same container port. */
    public record PortBinding(String hostIp, int port, String protocol) {
    }

    /**
     * Limits from the plan.
     *
     * @param memorySwapBytes memory plus swap; -1 means unlimited swap
     * @param nanoCpus CPU in billionths of a CPU
     * @param ioWeight block IO weight 10..1000; 0 keeps the engine's default
     */
    public record Resources(long memoryBytes, long memorySwapBytes, long nanoCpus, long pidsLimit, int ioWeight) {
    }
}
