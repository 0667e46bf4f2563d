package io.lormas.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import io.lormas.identity.support.Accounts;
import io.lormas.identity.support.Accounts.Person;
import io.lormas.identity.support.Api;
import io.lormas.identity.support.ConsoleLogin;
import io.lormas.identity.support.IdentityIT;

/**
 * Repeated wrong passwords are throttled per account and per client address (as the gateway reports it in
 * X-Forwarded-For), with a 429 page that says when to try again.
 */
@IdentityIT
class LoginThrottleIT {

    @Value("${lormas.identity.issuer}")
    String issuer;

    @Value("${lormas.identity.login.max-failures-per-ip}")
    int maxPerIp;

    @Test
    void wrongPasswordRepeatedLocksTheAccountEvenForTheRightPassword() {
        Person wes = new Accounts(issuer).person("wes", "customer");
        ConsoleLogin browser = ConsoleLogin.discover(issuer).withHeader("X-Forwarded-For", randomAddress());
        for (int i = 0; i < 5; i++) {
            assertThat(browser.attempt(wes.email(), "wrong-password-" + i, null).location()).endsWith("/login?error");
        }

        ConsoleLogin.Outcome blocked = browser.attempt(wes.email(), wes.password(), null);
        ConsoleLogin.Outcome elsewhere = ConsoleLogin.discover(issuer).withHeader("X-Forwarded-For", randomAddress())
                .attempt(wes.email(), wes.password(), null);

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.page()).contains("Too many failed sign-in attempts. Try again in 15 minutes.");
        assertThat(elsewhere.status()).as("the account is locked from any address").isEqualTo(429);
    }

    @Test
    void manyFailuresFromOneAddressBlockThatAddressOnly() {
        Person xia = new Accounts(issuer).person("xia", "customer");
        ConsoleLogin attacker = ConsoleLogin.discover(issuer).withHeader("X-Forwarded-For", randomAddress());
        for (int i = 0; i < maxPerIp; i++) {
            attacker.attempt(Api.uniqueEmail("guess"), "guessed-password", null);
        }

        assertThat(attacker.attempt(xia.email(), xia.password(), null).status()).isEqualTo(429);
        assertThat(ConsoleLogin.discover(issuer).withHeader("X-Forwarded-For", randomAddress())
                .attempt(xia.email(), xia.password(), null).tokens()).isNotNull();
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // 198.18.0.0/15 (RFC 2544): only a header value here, nothing is sent there
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + random.nextInt(1, 255)
                + ", 127.0.0.1";
    }
}
