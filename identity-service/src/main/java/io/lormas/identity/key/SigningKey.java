package io.lormas.identity.key;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code signing_key}.
 *
 * @param privateJwk the full JWK, encrypted with SecretBox (context {@code identity.signing-key:<kid>})
 * @param activatesAt when it starts to sign; it is published from creation on
 * @param retiredAt when a newer key took over; published until {@code retiredAt + retention}
 */
public record SigningKey(String kid, String algorithm, String publicJwk, String privateJwk, @Nullable Instant createdAt,
        Instant activatesAt, @Nullable Instant retiredAt) {

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", activatesAt=" + activatesAt + ", retiredAt=" + retiredAt + "]";
    }
}
