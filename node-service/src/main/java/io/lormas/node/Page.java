package io.lormas.node;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/**
 * One page of a list: {@code {"items": [...], "next": "<cursor or null>"}}. Lists are ordered by id (UUIDv7,
 * so by creation); the cursor is the last id of the page, opaque to clients.
 */
public record Page<T>(List<T> items, @Nullable String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only says that there is a next page.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, UUID> id, Function<R, T> view) {
        boolean more = rows.size() > limit;
        List<R> page = more ? rows.subList(0, limit) : rows;
        String next = more ? encode(id.apply(page.getLast())) : null;
        return new Page<>(page.stream().map(view).toList(), next);
    }

    /** The limit asked for, or a 400 problem. */
    public static int limit(@Nullable Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("invalid query", List.of(
                    new FieldViolation("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        return limit;
    }

    /** The id after which the page starts, or null for the first page; a 400 problem for a cursor we did not make. */
    public static @Nullable UUID after(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid query", List.of(
                    new FieldViolation("cursor", "is not a cursor returned by this API")));
        }
    }

    static String encode(UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
