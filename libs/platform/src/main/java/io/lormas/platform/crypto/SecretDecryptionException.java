package io.lormas.platform.crypto;

/** A ciphertext that cannot be decrypted: tampered, truncated, or from an unknown key. Never carries plaintext. */
public final class SecretDecryptionException extends RuntimeException {

    public SecretDecryptionException(String message) {
        super(message);
    }
}
