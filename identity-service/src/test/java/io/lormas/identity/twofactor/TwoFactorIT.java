package io.lormas.identity.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import io.lormas.identity.support.Accounts;
import io.lormas.identity.support.Accounts.Person;
import io.lormas.identity.support.Api.Answer;
import io.lormas.identity.support.ConsoleLogin;
import io.lormas.identity.support.IdentityIT;

/** TOTP enrolment, sign-in with a code or a recovery code, each usable once, and disabling it. */
@IdentityIT
class TwoFactorIT {

    @Value("${lormas.identity.issuer}")
    String issuer;

    @Test
    void signInNeedsTheCodeOnceEnabledAndEachCodeWorksOnce() {
        Accounts accounts = new Accounts(issuer);
        Person uma = accounts.person("uma", "customer");

        Answer enrolment = accounts.api().post("/api/identity/me/2fa", null, uma.token());
        String secret = enrolment.text("secret");
        assertThat(enrolment.text("otpauthUri")).startsWith("otpauth://totp/Lormas:").contains("secret=" + secret);
        long step = Totp.step(Instant.now());
        Answer wrong = accounts.api().post("/api/identity/me/2fa/confirm", Map.of("code", "000000".equals(
                Totp.code(secret, step)) ? "111111" : "000000"), uma.token());
        assertThat(wrong.status()).isEqualTo(422);
        Answer confirmed = accounts.api().post("/api/identity/me/2fa/confirm", Map.of("code", Totp.code(secret, step)),
                uma.token());
        assertThat(confirmed.status()).isEqualTo(200);
        List<String> recovery = confirmed.body().path("recoveryCodes").valueStream().map(n -> n.asString()).toList();
        assertThat(recovery).hasSize(10);
        assertThat(accounts.api().get("/api/identity/me", uma.token()).body().path("twoFactorEnabled").asBoolean()).isTrue();

        ConsoleLogin.Outcome withoutCode = ConsoleLogin.discover(issuer).attempt(uma.email(), uma.password(), null);
        assertThat(withoutCode.location()).endsWith("/login?code");
        ConsoleLogin.Outcome replayed = ConsoleLogin.discover(issuer).attempt(uma.email(), uma.password(),
                Totp.code(secret, step));
        assertThat(replayed.location()).as("the confirming code cannot sign in again").endsWith("/login?code-invalid");
        ConsoleLogin.Outcome withCode = ConsoleLogin.discover(issuer).attempt(uma.email(), uma.password(),
                Totp.code(secret, step + 1));
        assertThat(withCode.tokens()).isNotNull();

        ConsoleLogin.Outcome withRecovery = ConsoleLogin.discover(issuer).attempt(uma.email(), uma.password(), recovery.get(0));
        assertThat(withRecovery.tokens()).isNotNull();
        ConsoleLogin.Outcome recoveryAgain = ConsoleLogin.discover(issuer).attempt(uma.email(), uma.password(),
                recovery.get(0));
        assertThat(recoveryAgain.tokens()).isNull();

        Answer disabled = accounts.api().post("/api/identity/me/2fa/disable", Map.of("password", uma.password()),
                uma.token());
        assertThat(disabled.status()).isEqualTo(204);
        assertThat(ConsoleLogin.discover(issuer).attempt(uma.email(), uma.password(), null).tokens()).isNotNull();
    }

    @Test
    void disablingNeedsThePassword() {
        Accounts accounts = new Accounts(issuer);
        Person vic = accounts.person("vic", "customer");

        Answer answer = accounts.api().post("/api/identity/me/2fa/disable", Map.of("password", "not-vics-password"),
                vic.token());

        assertThat(answer.status()).isEqualTo(422);
    }
}
