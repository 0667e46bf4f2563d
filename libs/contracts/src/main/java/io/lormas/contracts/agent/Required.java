package io.lormas.contracts.agent;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Checks in the records' constructors, so a frame with a missing field is refused by name. */
final class Required {

    private Required() {
    }

    static <T> T present(@Nullable T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return value;
    }

    static String text(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required and must not be blank");
        }
        return value;
    }

    static <T> List<T> list(@Nullable List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    static <K, V> Map<K, V> map(@Nullable Map<K, V> value) {
        return value == null ? Map.of() : Map.copyOf(value);
    }
}
