package io.lormas.eggs.format;

import java.util.Objects;

/**
 * Something odd in an egg that did not stop its import, e.g. an unknown rule kept verbatim.
 *
 * @param field where, as a path into the file ({@code variables[2].rules}, {@code startup})
 */
public record ImportWarning(String field, String message) {

    public ImportWarning {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
