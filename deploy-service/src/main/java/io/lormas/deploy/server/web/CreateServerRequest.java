package io.lormas.deploy.server.web;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/servers}.
 *
 * @param region region code; optional only when staff pin a {@code nodeId}
 * @param variables egg variable values by environment name
 * @param secretVariables which of {@code variables} are secret: stored encrypted, masked in every answer
 * @param nodeLabels labels the node must carry (e.g. {@code {"disk": "nvme"}})
 */
record CreateServerRequest(
        @NotNull @Pattern(regexp = ServerNames.PATTERN, message = ServerNames.RULE) String name,
        @NotNull UUID eggId,
        @NotNull UUID planId,
        @Nullable @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}", message = "must be a region code such as eu-1") String region,
        @Nullable @Size(min = 1, max = 255) String image,
        @Nullable Map<String, String> variables,
        @Nullable Set<String> secretVariables,
        @Nullable @Size(min = 1, max = 4096) String startup,
        @Nullable UUID nodeId,
        @Nullable UUID ownerId,
        @Nullable Boolean restartOnCrash,
        @Nullable Map<String, String> nodeLabels) {
}
