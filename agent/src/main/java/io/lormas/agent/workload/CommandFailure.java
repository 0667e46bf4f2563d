package io.lormas.agent.workload;

import java.util.Map;

/**
 * A command that cannot be carried out, with the stable code the control plane receives in the error of its
 * {@code command_result} (e.g. {@code unknown_server}, {@code image_missing}, {@code path_refused}) and facts
 * that still belong in the result (e.g. the exit code of a failed install).
 */
public final class CommandFailure extends RuntimeException {

    private final String code;
    private final Map<String, Object> details;

    public CommandFailure(String code, String message) {
        this(code, message, Map.of(), null);
    }

    public CommandFailure(String code, String message, Throwable cause) {
        this(code, message, Map.of(), cause);
    }

    public CommandFailure(String code, String message, Map<String, Object> details) {
        this(code, message, details, null);
    }

    private CommandFailure(String code, String message, Map<String, Object> details, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
