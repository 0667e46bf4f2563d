package io.lormas.identity.client;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import io.lormas.identity.security.HighEntropySecretEncoder;

/**
 * Client secrets: 256 random bits with a recognisable prefix (so secret scanners can find leaked ones), stored as
 * a SHA-256 hash: they are not guessable, so a slow password hash would only slow down token issuance.
 */
public final class ClientSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ClientSecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "lcs_" + ENCODER.encodeToString(bytes);
    }

    /** The value stored in {@code oauth2_registered_client.client_secret}. */
    public static String hash(String secret) {
        return HighEntropySecretEncoder.PREFIX + new HighEntropySecretEncoder().encode(secret);
    }

    /** A client id for integrators: {@code lc_} and 128 random bits in hex. */
    public static String newIntegratorId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "lc_" + HexFormat.of().formatHex(bytes);
    }
}
