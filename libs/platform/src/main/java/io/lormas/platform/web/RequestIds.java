package io.lormas.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/** The id of the request being handled, from {@code X-Request-Id} or generated; in the log MDC as {@code requestId}. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    public static @Nullable String current() {
        return MDC.get(MDC_KEY);
    }

    /** The caller's id when it is safe to log and echo, otherwise a new one. */
    static String acceptOrGenerate(@Nullable String candidate) {
        return candidate != null && VALID.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
