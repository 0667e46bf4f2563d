package io.lormas.identity.me.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.lormas.identity.session.Session;
import io.lormas.identity.session.SessionManagement;
import io.lormas.identity.twofactor.TwoFactor;
import io.lormas.identity.user.EffectivePermissions;
import io.lormas.identity.user.UserManagement;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.security.Principals;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/** The signed-in user's own account: profile, password, two-factor authentication, sessions. */
@RestController
@RequestMapping("/api/identity/me")
class MeController {

    private final UserManagement users;
    private final EffectivePermissions permissions;
    private final TwoFactor twoFactor;
    private final SessionManagement sessions;

    MeController(UserManagement users, EffectivePermissions permissions, TwoFactor twoFactor, SessionManagement sessions) {
        this.users = users;
        this.permissions = permissions;
        this.twoFactor = twoFactor;
        this.sessions = sessions;
    }

    record Profile(UUID id, String email, @Nullable String displayName, List<String> roles, Set<String> permissions,
            boolean twoFactorEnabled, int recoveryCodesLeft, @Nullable Instant lastLoginAt, @Nullable Instant createdAt) {
    }

    record ProfileChange(@Size(max = 200) @Nullable String displayName) {
    }

    record PasswordChange(@NotNull String currentPassword, @NotNull String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[****]";
        }
    }

    record Code(@NotBlank @Size(max = 20) String code) {
    }

    record PasswordConfirmation(@NotNull String password) {

        @Override
        public String toString() {
            return "PasswordConfirmation[****]";
        }
    }

    record RecoveryCodes(List<String> recoveryCodes) {
    }

    record SessionResponse(String id, String clientId, @Nullable Instant signedInAt, @Nullable Instant lastRefreshedAt,
            @Nullable Instant expiresAt, boolean current) {
    }

    record SessionList(List<SessionResponse> items, @Nullable String next) {
    }

    @GetMapping
    Profile profile() {
        UUID id = userId();
        var user = users.get(id);
        return new Profile(id, user.user().email(), user.user().displayName(), user.roles(), permissions.of(id),
                user.user().twoFactorEnabled(), user.user().twoFactorEnabled() ? twoFactor.unusedRecoveryCodes(id) : 0,
                user.user().lastLoginAt(), user.user().createdAt());
    }

    @PatchMapping
    Profile changeProfile(@Valid @RequestBody ProfileChange change) {
        users.update(Principals.require(), userId(), null, change.displayName(), null);
        return profile();
    }

    /** Changes the password and ends every other session. */
    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@Valid @RequestBody PasswordChange change) {
        UUID id = userId();
        users.changePassword(id, change.currentPassword(), change.newPassword());
        sessions.revokeAll(id, currentSession());
    }

    /** Starts enrolment: the key for the authenticator app (as text and otpauth URI). */
    @PostMapping("/2fa")
    ResponseEntity<TwoFactor.Enrolment> enrol() {
        return secret(twoFactor.enrol(userId()));
    }

    @PostMapping("/2fa/confirm")
    ResponseEntity<RecoveryCodes> confirm(@Valid @RequestBody Code code) {
        return secret(new RecoveryCodes(twoFactor.confirm(userId(), code.code())));
    }

    @PostMapping("/2fa/recovery-codes")
    ResponseEntity<RecoveryCodes> regenerate(@Valid @RequestBody Code code) {
        return secret(new RecoveryCodes(twoFactor.regenerateRecoveryCodes(userId(), code.code())));
    }

    /** Secrets shown once: no cache and no Idempotency-Key store may keep them. */
    private static <T> ResponseEntity<T> secret(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    /** Turns 2FA off; the password confirms it is really the user. */
    @PostMapping("/2fa/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@Valid @RequestBody PasswordConfirmation confirmation) {
        UUID id = userId();
        if (!users.passwordMatches(id, confirmation.password())) {
            throw ProblemException.unprocessable("the password is wrong",
                    List.of(new FieldViolation("password", "does not match")));
        }
        twoFactor.disable(id);
    }

    @GetMapping("/sessions")
    SessionList sessions() {
        String current = currentSession();
        List<SessionResponse> items = sessions.of(userId()).stream().map((Session s) -> new SessionResponse(s.id(),
                s.clientId(), s.signedInAt(), s.lastRefreshedAt(), s.expiresAt(), s.id().equals(current))).toList();
        return new SessionList(items, null);
    }

    @DeleteMapping("/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String id) {
        sessions.revoke(userId(), id);
    }

    /** Ends all other sessions, or all of them with {@code includeCurrent=true}. */
    @DeleteMapping("/sessions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeAll(@RequestParam(defaultValue = "false") boolean includeCurrent) {
        sessions.revokeAll(userId(), includeCurrent ? null : currentSession());
    }

    private static UUID userId() {
        LormasPrincipal caller = Principals.require();
        if (caller.kind() != LormasPrincipal.Kind.USER || caller.userId() == null) {
            throw ProblemException.forbidden("only users have an account here");
        }
        return caller.userId();
    }

    private @Nullable String currentSession() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return sessions.current(token.getToken().getTokenValue());
        }
        return null;
    }
}
