package io.lormas.identity.user;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code app_user}. Never bound to requests or written to responses as is: it holds the password hash
 * and the encrypted TOTP secret.
 *
 * @param totpSecret SecretBox ciphertext of the TOTP key; enrolment is pending while {@code totpEnabledAt} is null
 * @param totpLastStep the last accepted TOTP time step (each code works once)
 */
public record User(UUID id, String email, String passwordHash, @Nullable String displayName, String status,
        @Nullable String suspendedReason, @Nullable String totpSecret, @Nullable Instant totpEnabledAt,
        @Nullable Long totpLastStep, @Nullable Instant lastLoginAt, @Nullable Instant createdAt,
        @Nullable Instant updatedAt, int version) {

    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public boolean twoFactorEnabled() {
        return totpEnabledAt != null && totpSecret != null;
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", status=" + status + "]";
    }
}
