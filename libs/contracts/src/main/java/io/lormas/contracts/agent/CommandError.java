package io.lormas.contracts.agent;

/**
 * Why a command failed.
 *
 * @param code stable machine-readable reason, e.g. {@code image_missing}, {@code unknown_server}
 * @param message plain words for people
 */
public record CommandError(String code, String message) {

    public CommandError {
        Required.text(code, "error.code");
        Required.text(message, "error.message");
    }
}
