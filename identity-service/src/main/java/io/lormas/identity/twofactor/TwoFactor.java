package io.lormas.identity.twofactor;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lormas.identity.security.HighEntropySecretEncoder;
import io.lormas.identity.user.User;
import io.lormas.identity.user.Users;
import io.lormas.platform.crypto.SecretBox;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/**
 * TOTP two-factor authentication: enrol (a secret, pending), confirm with a first code (then it is required at
 * sign-in, and ten one-time recovery codes are shown once), disable. Each code and each recovery code works once.
 */
@Service
public class TwoFactor {

    public static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ISSUER = "Lormas";

    private final Users users;
    private final SecretBox secrets;
    private final Clock clock = Clock.systemUTC();

    TwoFactor(Users users, SecretBox secrets) {
        this.users = users;
        this.secrets = secrets;
    }

    /** A pending enrolment: the key to put into an authenticator app. */
    public record Enrolment(String secret, String otpauthUri) {

        @Override
        public String toString() {
            return "Enrolment[****]";
        }
    }

    /** Starts (or restarts) enrolment; refused while 2FA is on (disable it first). */
    @Transactional
    public Enrolment enrol(UUID userId) {
        User user = users.findById(userId).orElseThrow(() -> ProblemException.notFound("user", userId));
        if (user.twoFactorEnabled()) {
            throw ProblemException.conflict("two-factor authentication is already enabled");
        }
        String secret = Totp.newSecret();
        users.startTotpEnrolment(userId, secrets.encrypt(secret, context(userId)));
        return new Enrolment(secret, Totp.uri(ISSUER, user.email(), secret));
    }

    /** Confirms enrolment with a first code; answers the recovery codes, shown this once. */
    @Transactional
    public List<String> confirm(UUID userId, String code) {
        User user = users.findById(userId).orElseThrow(() -> ProblemException.notFound("user", userId));
        if (user.twoFactorEnabled()) {
            throw ProblemException.conflict("two-factor authentication is already enabled");
        }
        if (user.totpSecret() == null) {
            throw ProblemException.conflict("start the enrolment first");
        }
        OptionalLong step = Totp.verify(secrets.decrypt(user.totpSecret(), context(userId)), code, clock.instant());
        if (step.isEmpty()) {
            throw invalidCode();
        }
        users.enableTotp(userId, step.getAsLong());
        return newRecoveryCodes(userId);
    }

    /** Replaces the recovery codes (the old ones stop working). */
    @Transactional
    public List<String> regenerateRecoveryCodes(UUID userId, String code) {
        User user = users.findById(userId).orElseThrow(() -> ProblemException.notFound("user", userId));
        if (!user.twoFactorEnabled() || !verify(user, code)) {
            throw invalidCode();
        }
        return newRecoveryCodes(userId);
    }

    @Transactional
    public void disable(UUID userId) {
        users.disableTotp(userId);
        users.clearRecoveryCodes(userId);
    }

    /**
     * Checks a sign-in code: a current TOTP code not used before, or an unused recovery code (which is then spent).
     */
    @Transactional
    public boolean verify(User user, String code) {
        if (!user.twoFactorEnabled() || code.isBlank()) {
            return false;
        }
        String secret = secrets.decrypt(user.totpSecret(), context(user.id()));
        OptionalLong step = Totp.verify(secret, code, clock.instant());
        if (step.isPresent()) {
            return users.acceptTotpStep(user.id(), step.getAsLong()) == 1;
        }
        return users.useRecoveryCode(user.id(), hash(code)) == 1;
    }

    public int unusedRecoveryCodes(UUID userId) {
        return users.unusedRecoveryCodes(userId);
    }

    private List<String> newRecoveryCodes(UUID userId) {
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] bytes = new byte[5];
            RANDOM.nextBytes(bytes);
            String hex = HexFormat.of().formatHex(bytes);
            String code = hex.substring(0, 5) + "-" + hex.substring(5);
            codes.add(code);
            hashes.add(hash(code));
        }
        users.clearRecoveryCodes(userId);
        users.addRecoveryCodes(userId, hashes);
        return codes;
    }

    private static String hash(String code) {
        return HexFormat.of().formatHex(HighEntropySecretEncoder.digest(code.trim().toLowerCase(Locale.ROOT)));
    }

    private static ProblemException invalidCode() {
        return ProblemException.unprocessable("the code is not valid",
                List.of(new FieldViolation("code", "is not a current code of your authenticator")));
    }

    private static String context(UUID userId) {
        return "identity.totp:" + userId;
    }
}
