package io.lormas.testkit.agent;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.lormas.contracts.agent.CommandResult;

/**
 * How a {@link SimulatedAgent} answers one command: a result (after an optional delay), or no answer at all (a
 * crash between ack and result). Answered results are remembered by command id: the same command delivered again
 * gets the same result without asking the handler, as a real agent's journal does.
 */
public record Reply(@Nullable CommandResult result, Duration delay) {

    public Reply {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
    }

    /** {@code success} with an empty result, at once. */
    public static Reply success(String commandId) {
        return new Reply(CommandResult.success(commandId, Map.of()), Duration.ZERO);
    }

    public static Reply of(CommandResult result) {
        return new Reply(result, Duration.ZERO);
    }

    public static Reply after(Duration delay, CommandResult result) {
        return new Reply(result, delay);
    }

    /** Acked but never answered (the command comes again after a reconnect). */
    public static Reply none() {
        return new Reply(null, Duration.ZERO);
    }
}
