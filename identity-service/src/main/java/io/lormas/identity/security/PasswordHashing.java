package io.lormas.identity.security;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id for passwords people choose; SHA-256 ({@link HighEntropySecretEncoder}) for secrets the platform
 * generates. Hashes carry their scheme ({@code {argon2}...}, {@code {sha256}...}).
 * <p>
 * Unlike a plain {@link DelegatingPasswordEncoder} it never asks to "upgrade" a SHA-256 hash: Spring Authorization
 * Server re-hashes a client secret with the default encoder whenever the encoder says so, which would turn every
 * client secret into an Argon2 hash and make each client_credentials token cost an Argon2 computation.
 */
public final class PasswordHashing implements PasswordEncoder {

    private final DelegatingPasswordEncoder delegate = new DelegatingPasswordEncoder("argon2", Map.of(
            "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
            HighEntropySecretEncoder.ID, new HighEntropySecretEncoder()));

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        return delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        if (encodedPassword != null && encodedPassword.startsWith(HighEntropySecretEncoder.PREFIX)) {
            return false;
        }
        return delegate.upgradeEncoding(encodedPassword);
    }
}
