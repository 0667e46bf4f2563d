package io.lormas.identity.key.web;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.lormas.identity.key.KeyRing;
import io.lormas.identity.key.SigningKey;
import io.lormas.platform.security.LormasPrincipal;
import io.lormas.platform.security.Principals;
import io.lormas.platform.web.ProblemException;

/** Token signing keys for administrators: list them and rotate (the new key signs after the publication delay). */
@RestController
@RequestMapping("/api/identity/admin/signing-keys")
class SigningKeyController {

    private final KeyRing keyRing;

    SigningKeyController(KeyRing keyRing) {
        this.keyRing = keyRing;
    }

    record KeyResponse(String kid, String algorithm, String state, @Nullable Instant createdAt, Instant activatesAt,
            @Nullable Instant retiredAt) {

        static KeyResponse of(SigningKey key) {
            Instant now = Instant.now();
            String state = key.retiredAt() != null && !key.retiredAt().isAfter(now) ? "retired"
                    : key.activatesAt().isAfter(now) ? "pending" : "active";
            return new KeyResponse(key.kid(), key.algorithm(), state, key.createdAt(), key.activatesAt(), key.retiredAt());
        }
    }

    record KeyList(List<KeyResponse> items, @Nullable String next) {
    }

    @GetMapping
    KeyList list() {
        requireAdmin();
        return new KeyList(keyRing.list().stream().map(KeyResponse::of).toList(), null);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    KeyResponse rotate() {
        requireAdmin();
        return KeyResponse.of(keyRing.rotate());
    }

    private static void requireAdmin() {
        LormasPrincipal caller = Principals.require();
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("only administrators manage signing keys");
        }
    }
}
