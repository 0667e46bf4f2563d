package io.lormas.agent.workload;

import java.util.Map;
import java.util.regex.Pattern;

import io.lormas.agent.runtime.ContainerState;
import org.jspecify.annotations.Nullable;

/**
 * Names and labels of what the agent creates in the engine. Every container and network carries
 * {@code lormas.managed=true} and the node's id, so the agent can find, reconcile and reap what is its own.
 */
final class ServerContainers {

    static final String SERVER = "lormas.server";
    static final String OWNER = "lormas.owner";
    static final String MANAGED = "lormas.managed";
    static final String KIND = "lormas.kind";
    static final String NODE = "lormas.node";

    static final String KIND_SERVER = "server";
    static final String KIND_INSTALL = "install";

    /** Ids become container names, network names and directory names: keep them to a safe alphabet. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private ServerContainers() {
    }

    static String requireId(@Nullable String value, String field) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new CommandFailure("invalid_command",
                    "'" + field + "' must be 1-64 letters, digits, '-' or '_' starting with a letter or digit");
        }
        return value;
    }

    static String containerName(String serverId) {
        return "lormas-" + serverId;
    }

    static String installContainerName(String serverId) {
        return "lormas-" + serverId + "-install";
    }

    static String networkName(String ownerId) {
        return "lormas-owner-" + ownerId;
    }

    static Map<String, String> managedBy(String nodeId) {
        return Map.of(MANAGED, "true", NODE, nodeId);
    }

    static Map<String, String> serverLabels(String nodeId) {
        return Map.of(MANAGED, "true", NODE, nodeId, KIND, KIND_SERVER);
    }

    static Map<String, String> labels(String nodeId, String serverId, String ownerId, String kind) {
        return Map.of(MANAGED, "true", NODE, nodeId, KIND, kind, SERVER, serverId, OWNER, ownerId);
    }

    static @Nullable String serverIdOf(ContainerState container) {
        return container.labels().get(SERVER);
    }

    static boolean isServer(Map<String, String> labels) {
        return KIND_SERVER.equals(labels.get(KIND)) && labels.containsKey(SERVER);
    }
}
