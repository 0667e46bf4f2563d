package io.lormas.deploy.server;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lormas.contracts.agent.Command;

/** An agent command deploy-service issued, and its outcome. */
public record CommandRow(UUID id, UUID serverId, UUID nodeId, String action, @Nullable String lifecycleBefore,
        @Nullable String followUp, String status, @Nullable String errorCode, @Nullable String errorMessage,
        Instant issuedAt, @Nullable Instant completedAt) {

    public Command.Action actionValue() {
        return Command.Action.valueOf(action.toUpperCase(Locale.ROOT));
    }

    public List<Command.Action> followUps() {
        if (followUp == null || followUp.isBlank()) {
            return List.of();
        }
        return Arrays.stream(followUp.split(",")).map(a -> Command.Action.valueOf(a.toUpperCase(Locale.ROOT))).toList();
    }

    public @Nullable Lifecycle lifecycleBeforeValue() {
        return lifecycleBefore == null ? null : Lifecycle.fromWire(lifecycleBefore);
    }
}
