package io.lormas.platform.web;

/**
 * One invalid input in a problem's {@code errors} list.
 *
 * @param field the JSON path of the input, e.g. {@code variables.SERVER_PORT} or {@code email}
 * @param message plain words, e.g. "must be at least 12 characters"
 */
public record FieldViolation(String field, String message) {
}
