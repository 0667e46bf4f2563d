package io.lormas.node.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * A registration token as shown once to the admin: {@code lrt_} and 43 characters of randomness (256 bits), so
 * a hash without salt is enough to store it and secret scanners can recognise it.
 */
public record RegistrationToken(String value, Instant expiresAt) {

    static final String PREFIX = "lrt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    static RegistrationToken generate(Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new RegistrationToken(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), expiresAt);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plausible at all: refuses junk before it reaches the database. */
    static boolean wellFormed(String token) {
        return token.startsWith(PREFIX) && token.length() == PREFIX.length() + 43
                && token.substring(PREFIX.length()).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    @Override
    public String toString() {
        return "RegistrationToken[value=***, expiresAt=" + expiresAt + "]";
    }
}
