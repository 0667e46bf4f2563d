package io.lormas.identity.user.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lormas.identity.user.UserManagement.UserWithRoles;

/** A user as the API shows it: never the password hash or the TOTP secret. */
public record UserResponse(UUID id, String email, List<String> roles, String status, @Nullable String displayName,
        @Nullable String suspendedReason, boolean twoFactorEnabled, @Nullable Instant lastLoginAt,
        @Nullable Instant createdAt, @Nullable Instant updatedAt) {

    public static UserResponse of(UserWithRoles user) {
        var u = user.user();
        return new UserResponse(u.id(), u.email(), user.roles(), u.status(), u.displayName(), u.suspendedReason(),
                u.twoFactorEnabled(), u.lastLoginAt(), u.createdAt(), u.updatedAt());
    }
}
