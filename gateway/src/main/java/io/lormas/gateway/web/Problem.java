package io.lormas.gateway.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem the gateway answers with itself (services answer their own). The type is
 * {@code https://lormas.dev/problems/<kind>}, the same vocabulary as the services' (libs/platform); the detail must be
 * fit for the caller: never a token, a stack trace or an upstream's internals.
 */
public record Problem(HttpStatus status, String kind, String title, String detail, Map<String, Object> properties) {

    public static final String TYPE_BASE = "https://lormas.dev/problems/";

    public Problem {
        properties = Map.copyOf(properties);
    }

    public static Problem of(HttpStatus status, String kind, String title, String detail) {
        return new Problem(status, kind, title, detail, Map.of());
    }

    /** A problem named after its status, e.g. 405 {@code method-not-allowed}. */
    public static Problem ofStatus(HttpStatus status, String detail) {
        return of(status, status.name().toLowerCase(Locale.ROOT).replace('_', '-'), status.getReasonPhrase(), detail);
    }

    public static Problem unauthorized(String detail) {
        return of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }

    public static Problem forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static Problem notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static Problem tooLarge(long maxBytes) {
        return of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "request body exceeds the limit of " + maxBytes + " bytes").with("maxBytes", maxBytes);
    }

    public static Problem rateLimited(long retryAfterSeconds) {
        return of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "rate limit exceeded, retry in " + retryAfterSeconds + " s");
    }

    public static Problem upstreamUnavailable(String detail) {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable", "Service unavailable", detail);
    }

    public static Problem upstreamTimeout(String detail) {
        return of(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "Gateway timeout", detail);
    }

    public static Problem badGateway(String detail) {
        return of(HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad gateway", detail);
    }

    public static Problem internal() {
        return of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "an unexpected error occurred; quote the request id when reporting it");
    }

    public URI type() {
        return URI.create(TYPE_BASE + kind);
    }

    public Problem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(name, value);
        return new Problem(status, kind, title, detail, more);
    }
}
