package io.lormas.identity.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B test vectors (SHA-1 seed "12345678901234567890"), truncated to six digits. */
class TotpTest {

    private static final String SEED = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest
    @CsvSource({ "59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
            "2000000000, 279037", "20000000000, 353130" })
    void matchesTheRfcTestVectors(long epochSecond, String expected) {
        assertThat(Totp.code(SEED, Totp.step(Instant.ofEpochSecond(epochSecond)))).isEqualTo(expected);
    }

    @Test
    void acceptsOneStepOfDriftAndNoMore() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);

        assertThat(Totp.verify(SEED, Totp.code(SEED, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.verify(SEED, Totp.code(SEED, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.verify(SEED, Totp.code(SEED, step + 2), now)).isEmpty();
        assertThat(Totp.verify(SEED, "12345", now)).isEmpty();
        assertThat(Totp.verify(SEED, "abcdef", now)).isEmpty();
    }

    @Test
    void base32RoundTrips() {
        byte[] key = "any key of twenty b!".getBytes(StandardCharsets.US_ASCII);

        assertThat(Totp.unbase32(Totp.base32(key))).isEqualTo(key);
        assertThat(Totp.newSecret()).matches("[A-Z2-7]{32}");
    }
}
