package io.lormas.platform.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Thrown anywhere in request handling, answered as RFC 9457 problem+json by {@link ProblemResponses}.
 * Messages must be fit for the caller: never SQL, stack traces or secrets.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String kind;
    private final String title;
    private final List<FieldViolation> errors;
    private final Map<String, Object> properties;
    private final @Nullable Duration retryAfter;

    public ProblemException(HttpStatus status, String kind, String title, String detail, List<FieldViolation> errors,
            Map<String, Object> properties, @Nullable Duration retryAfter) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.properties = Map.copyOf(properties);
        this.retryAfter = retryAfter;
    }

    /** 400: the request is malformed or fails field validation. */
    public static ProblemException badRequest(String detail, List<FieldViolation> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail, errors, Map.of(), null);
    }

    public static ProblemException badRequest(String detail) {
        return badRequest(detail, List.of());
    }

    /** 422: well-formed, but refers to things that do not exist or breaks business rules. */
    public static ProblemException unprocessable(String detail, List<FieldViolation> errors) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Request cannot be processed", detail,
                errors, Map.of(), null);
    }

    public static ProblemException unprocessable(String detail) {
        return unprocessable(detail, List.of());
    }

    /** 404, also used instead of 403 when the caller may not even know that the resource exists. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " " + id + " does not exist",
                List.of(), Map.of(), null);
    }

    /** 409: the current state does not allow it (duplicate, illegal transition, stale version, no capacity). */
    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "conflict", "Conflict", detail, List.of(), Map.of(), null);
    }

    public static ProblemException conflict(String detail, Map<String, Object> properties) {
        return new ProblemException(HttpStatus.CONFLICT, "conflict", "Conflict", detail, List.of(), properties, null);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail, List.of(), Map.of(),
                null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of(), Map.of(), null);
    }

    public static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "request body exceeds the limit of " + maxBytes + " bytes", List.of(), Map.of("maxBytes", maxBytes), null);
    }

    public static ProblemException rateLimited(Duration retryAfter) {
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "rate limit exceeded, retry in " + Math.max(1, retryAfter.toSeconds()) + " s", List.of(), Map.of(),
                retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return Problems.type(kind);
    }

    /** The last part of the problem type URI, e.g. {@code not-found}. */
    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<FieldViolation> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
