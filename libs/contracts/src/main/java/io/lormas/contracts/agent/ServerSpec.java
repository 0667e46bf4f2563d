package io.lormas.contracts.agent;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Everything an agent needs to create, install and run one server, decided by the control plane.
 * The command is an argument array for the engine, never a shell string for the host.
 *
 * @param ownerId the owner; servers of one owner share one network
 * @param image the container image, e.g. {@code localhost/lormas/busybox:latest}
 * @param command the container's argument array; empty means the image's default
 * @param environment environment variables; keys match {@code [A-Z_][A-Z0-9_]*}
 * @param allocations the ports, the first one is the primary
 * @param capabilities Linux capabilities added back after dropping all (from the egg)
 * @param stop how to stop the server gracefully
 * @param install the egg's install script, if any
 * @param configFiles edits applied to files in the data directory before each start
 * @param startupDone console text that means the server finished starting
 */
public record ServerSpec(
        String ownerId,
        String image,
        List<String> command,
        Map<String, String> environment,
        Limits limits,
        List<Allocation> allocations,
        List<String> capabilities,
        StopSpec stop,
        @Nullable InstallSpec install,
        List<ConfigFile> configFiles,
        List<String> startupDone) {

    private static final Pattern ENV_KEY = Pattern.compile("[A-Z_][A-Z0-9_]*");
    private static final Pattern CAPABILITY = Pattern.compile("(CAP_)?[A-Z_]{2,32}");

    public ServerSpec {
        Required.text(ownerId, "spec.ownerId");
        Required.text(image, "spec.image");
        command = Required.list(command);
        environment = Required.map(environment);
        for (String key : environment.keySet()) {
            if (!ENV_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException(
                        "environment key '" + key + "' is invalid: must match [A-Z_][A-Z0-9_]*");
            }
        }
        Required.present(limits, "spec.limits");
        allocations = Required.list(allocations);
        capabilities = Required.list(capabilities);
        for (String capability : capabilities) {
            if (!CAPABILITY.matcher(capability).matches()) {
                throw new IllegalArgumentException("capability '" + capability + "' is invalid");
            }
        }
        Required.present(stop, "spec.stop");
        configFiles = Required.list(configFiles);
        startupDone = Required.list(startupDone);
    }

    /**
     * Resource limits from the plan.
     *
     * @param diskMib enforced by the engine where it can, otherwise measured and enforced by the agent
     */
    public record Limits(long cpuMillis, long memoryMib, long swapMib, long diskMib, long pidsLimit, int ioWeight) {

        public Limits {
            if (cpuMillis <= 0 || memoryMib <= 0 || diskMib <= 0 || pidsLimit <= 0) {
                throw new IllegalArgumentException("limits cpuMillis, memoryMib, diskMib and pidsLimit must be positive");
            }
            if (swapMib < -1) {
                throw new IllegalArgumentException("limits.swapMib must be -1 (unlimited), 0 or positive");
            }
        }
    }

    /** One port of the server. */
    public record Allocation(String ip, int port) {

        public Allocation {
            Required.text(ip, "allocation.ip");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("allocation.port must be between 1 and 65535, was " + port);
            }
        }
    }

    /**
     * How the server stops: a signal (e.g. {@code SIGTERM}) or a line written to its console (e.g. {@code stop}).
     */
    public record StopSpec(Type type, String value, int timeoutSeconds) {

        public enum Type {
            @com.fasterxml.jackson.annotation.JsonProperty("signal") SIGNAL,
            @com.fasterxml.jackson.annotation.JsonProperty("command") COMMAND
        }

        public StopSpec {
            Required.present(type, "stop.type");
            Required.text(value, "stop.value");
            if (timeoutSeconds < 0 || timeoutSeconds > 3600) {
                throw new IllegalArgumentException("stop.timeoutSeconds must be between 0 and 3600");
            }
        }
    }

    /** The egg's install script, run in its own container with the data directory mounted. */
    public record InstallSpec(String image, String entrypoint, String script) {

        public InstallSpec {
            Required.text(image, "install.image");
            Required.text(entrypoint, "install.entrypoint");
            Required.present(script, "install.script");
        }
    }

    /**
     * An edit of one file in the data directory.
     *
     * @param path relative to the data directory; a path that leaves it is refused by the agent
     * @param parser properties, yaml, json, ini, xml or file
     * @param replace what to find (a key, a path or a line prefix, depending on the parser) and its new value
     */
    public record ConfigFile(String path, String parser, Map<String, String> replace) {

        public ConfigFile {
            Required.text(path, "configFile.path");
            Required.text(parser, "configFile.parser");
            replace = Required.map(replace);
        }
    }
}
