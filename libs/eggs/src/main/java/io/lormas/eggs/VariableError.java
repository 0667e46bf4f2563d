package io.lormas.eggs;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Why a server's variable is refused.
 *
 * @param envVariable the variable's environment name (or the unknown name that was sent)
 * @param rule        the failing rule's name for {@link Kind#RULE}, else null
 * @param message     a full sentence naming the variable: "Server Port (SERVER_PORT) must be between 1024 and 65535."
 */
public record VariableError(String envVariable, Kind kind, @Nullable String rule, String message) {

    public VariableError {
        Objects.requireNonNull(envVariable, "envVariable");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public enum Kind {
        /** The value fails one of the variable's rules. */
        RULE,
        /** A user tried to change a variable that is not user-editable. */
        READ_ONLY,
        /** The egg has no variable of that name. */
        UNKNOWN_VARIABLE
    }
}
