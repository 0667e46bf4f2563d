package io.lormas.identity.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * SHA-256 for secrets the platform generates with 256 random bits (client secrets). Brute force is hopeless against
 * such secrets, so the cost of Argon2 would buy nothing and make every client_credentials token slow. Never use it
 * for passwords people choose.
 */
public final class HighEntropySecretEncoder implements PasswordEncoder {

    /** The id under which {@link org.springframework.security.crypto.password.DelegatingPasswordEncoder} knows it. */
    public static final String ID = "sha256";
    public static final String PREFIX = "{" + ID + "}";

    @Override
    public String encode(@Nullable CharSequence rawPassword) {
        return HexFormat.of().formatHex(digest(rawPassword == null ? "" : rawPassword.toString()));
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(encodedPassword);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, digest(rawPassword.toString()));
    }

    public static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
