package io.lormas.catalog.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A list answer, {@code {"items": [...], "next": "<cursor or null>"}}. Lists are ordered by id (UUIDv7, so by
 * creation); the cursor is the last id of the page.
 */
public record Page<T>(List<T> items, @Nullable String next) {

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that there is a next page.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, UUID> id, Function<R, T> view) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? id.apply(shown.getLast()).toString() : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
