package io.lormas.catalog.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/**
 * {@code ?cursor=&limit=} of a list call.
 *
 * @param after the id after which the page starts (null: from the beginning)
 * @param limit 1..100, default 50
 */
public record PageRequest(@Nullable UUID after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    /** Reads the query parameters; a malformed cursor or a limit outside 1..100 is a 400. */
    public static PageRequest of(@Nullable String cursor, @Nullable Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT,
                    List.of(new FieldViolation("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        UUID after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = UUID.fromString(cursor.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("cursor is not valid: use the next value of the previous page",
                        List.of(new FieldViolation("cursor", "is not a cursor of this list")));
            }
        }
        return new PageRequest(after, limit == null ? DEFAULT_LIMIT : limit);
    }

    /** Rows to fetch: one more than shown, to know whether a next page exists. */
    public int fetch() {
        return limit + 1;
    }
}
