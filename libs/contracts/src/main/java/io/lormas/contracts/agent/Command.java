package io.lormas.contracts.agent;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An order for an agent. The agent acks it, executes it idempotently by {@code id} (the same id twice gives
 * the same result) and answers with a {@link CommandResult}. Which optional fields an action needs is checked
 * here, so a command that cannot be executed never leaves the control plane.
 *
 * @param serverId the server the command is about (every action but {@code reconcile})
 * @param spec what to create or install ({@code create}, {@code install})
 * @param input one console line ({@code console_input})
 * @param lines how many of the last lines to return ({@code logs})
 * @param removeData also delete the server's data directory ({@code delete})
 * @param timeoutSeconds how long {@code stop} waits before it kills
 * @param build what to build ({@code build})
 */
public record Command(
        String id,
        Action action,
        @Nullable String serverId,
        @Nullable ServerSpec spec,
        @Nullable String input,
        @Nullable Integer lines,
        @Nullable Boolean removeData,
        @Nullable Integer timeoutSeconds,
        @Nullable BuildSpec build,
        Instant issuedAt) implements AgentMessage.ToAgent {

    public enum Action {
        @JsonProperty("create") CREATE,
        @JsonProperty("install") INSTALL,
        @JsonProperty("start") START,
        @JsonProperty("stop") STOP,
        @JsonProperty("restart") RESTART,
        @JsonProperty("kill") KILL,
        @JsonProperty("delete") DELETE,
        @JsonProperty("console_input") CONSOLE_INPUT,
        @JsonProperty("logs") LOGS,
        @JsonProperty("build") BUILD,
        @JsonProperty("reconcile") RECONCILE;

        /** Actions that change whether a server's container runs; one at a time per server. */
        public static final Set<Action> POWER = EnumSet.of(START, STOP, RESTART, KILL);
    }

    /** Longest console line a command may carry. */
    public static final int MAX_INPUT_LENGTH = 4096;

    public Command {
        Required.text(id, "id");
        Required.present(action, "action");
        Required.present(issuedAt, "issuedAt");
        if (action != Action.RECONCILE && action != Action.BUILD) {
            Required.text(serverId, "serverId");
        }
        switch (action) {
            case CREATE, INSTALL -> Required.present(spec, "spec");
            case CONSOLE_INPUT -> {
                Required.present(input, "input");
                if (input.length() > MAX_INPUT_LENGTH || input.indexOf('\n') >= 0 || input.indexOf('\r') >= 0) {
                    throw new IllegalArgumentException(
                            "'input' must be one line of at most " + MAX_INPUT_LENGTH + " characters");
                }
            }
            case LOGS -> {
                if (lines != null && (lines < 1 || lines > 10_000)) {
                    throw new IllegalArgumentException("'lines' must be between 1 and 10000");
                }
            }
            case STOP, RESTART -> {
                if (timeoutSeconds != null && (timeoutSeconds < 0 || timeoutSeconds > 3600)) {
                    throw new IllegalArgumentException("'timeoutSeconds' must be between 0 and 3600");
                }
            }
            case BUILD -> Required.present(build, "build");
            default -> {
            }
        }
    }

    /** A command that needs nothing but the server: start, stop, restart, kill, delete, logs. */
    public static Command of(String id, Action action, String serverId, Instant issuedAt) {
        return new Command(id, action, serverId, null, null, null, null, null, null, issuedAt);
    }
}
