package io.lormas.eggs.format;

import java.util.Objects;

/**
 * Why one field of an egg is refused.
 *
 * @param field a path into the file ({@code variables[2].env_variable}, {@code config.files})
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
