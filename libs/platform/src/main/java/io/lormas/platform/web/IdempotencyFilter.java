package io.lormas.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Honours {@code Idempotency-Key} on POST: the same key with the same body (and the same caller) replays the
 * first response, with {@code Idempotent-Replayed: true}; the same key with another body is a 422; a request
 * still running under that key is a 409. Server errors (5xx) are not remembered, so the client may retry.
 * Keys expire after {@link IdempotencySettings#ttl()}. Responses with {@code Cache-Control: no-store} (secrets shown
 * once) are never remembered: the key is released and a retry runs again.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyStore store;
    private final Duration ttl;
    private final long maxBodyBytes;

    public IdempotencyFilter(IdempotencyStore store, Duration ttl, long maxBodyBytes) {
        this.store = store;
        this.ttl = ttl;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            Problems.write(response, request, ProblemException.badRequest(
                    HEADER + " must be 1 to 255 printable ASCII characters without spaces"));
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        BodySizeLimitFilter.BufferedBodyRequest buffered = new BodySizeLimitFilter.BufferedBodyRequest(request, body);
        String owner = caller();
        String fingerprint = fingerprint(request, body);

        if (!store.claim(owner, key, fingerprint, ttl)) {
            Optional<IdempotencyStore.StoredResponse> stored = store.find(owner, key);
            if (stored.isEmpty()) { // expired or released between claim and find: treat as new next time
                Problems.write(response, request, ProblemException.conflict(
                        "a request with this " + HEADER + " is being processed; retry shortly"));
                return;
            }
            IdempotencyStore.StoredResponse previous = stored.get();
            if (!previous.fingerprint().equals(fingerprint)) {
                Problems.write(response, request, new ProblemException(
                        org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                        "Idempotency-Key reused", "this " + HEADER + " was already used for a different request",
                        java.util.List.of(), java.util.Map.of(), null));
                return;
            }
            if (previous.status() == null) {
                Problems.write(response, request, ProblemException.conflict(
                        "a request with this " + HEADER + " is still being processed; retry shortly"));
                return;
            }
            replay(previous, response);
            return;
        }

        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(buffered, recorded);
            completed = true;
        } finally {
            int status = recorded.getStatus();
            // A response marked no-store carries a secret shown once (a client secret, a registration token): it is
            // not kept in the database to be replayed; a retry with the same key runs again instead.
            if (completed && status < 500 && !noStore(recorded)) {
                store.complete(owner, key, status, recorded.getContentType(), recorded.getHeader(HttpHeaders.LOCATION),
                        recorded.getContentAsByteArray());
            } else {
                store.release(owner, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private static boolean noStore(HttpServletResponse response) {
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-store");
    }

    private static void replay(IdempotencyStore.StoredResponse previous, HttpServletResponse response) throws IOException {
        response.setStatus(previous.status());
        if (previous.contentType() != null) {
            response.setContentType(previous.contentType());
        }
        if (previous.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, previous.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(previous.body());
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "anonymous" : authentication.getName();
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
