package io.lormas.contracts.agent;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a {@link Command}. A command id sent twice gets the same result twice.
 *
 * @param result action-specific facts, e.g. {@code containerId} or {@code exitCode}
 * @param error present exactly when {@code status} is {@code failure}
 */
public record CommandResult(String commandId, Status status, Map<String, Object> result, @Nullable CommandError error)
        implements AgentMessage.FromAgent {

    public enum Status {
        @JsonProperty("success") SUCCESS,
        @JsonProperty("failure") FAILURE
    }

    public CommandResult {
        Required.text(commandId, "commandId");
        Required.present(status, "status");
        result = Required.map(result);
        if (status == Status.FAILURE && error == null) {
            throw new IllegalArgumentException("'error' is required when status is failure");
        }
    }

    public static CommandResult success(String commandId, Map<String, Object> result) {
        return new CommandResult(commandId, Status.SUCCESS, result, null);
    }

    public static CommandResult failure(String commandId, String code, String message) {
        return new CommandResult(commandId, Status.FAILURE, Map.of(), new CommandError(code, message));
    }
}
