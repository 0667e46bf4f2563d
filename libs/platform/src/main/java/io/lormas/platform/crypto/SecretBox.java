package io.lormas.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets with AES-256-GCM. A ciphertext reads {@code v1:<keyId>:<base64(iv | ciphertext+tag)>}: the key
 * id travels with it, so after a rotation old values still decrypt while new ones use the active key.
 * <p>
 * The {@code context} (associated data) binds a ciphertext to where it is stored, e.g.
 * {@code "deploy.env:<serverId>:DB_PASSWORD"}: a value copied to another row does not decrypt. Any change of
 * the ciphertext, key id or context fails with {@link SecretDecryptionException}. Plaintext is never logged.
 */
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(Map<String, byte[]> keys, String activeKeyId) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no encryption key configured (lormas.crypto.keys)");
        }
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        keys.forEach((id, bytes) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("encryption key id '" + id + "' must match " + KEY_ID);
            }
            if (bytes.length != 32) {
                throw new IllegalArgumentException(
                        "encryption key '" + id + "' must be 32 bytes (256 bits), was " + bytes.length);
            }
            parsed.put(id, new SecretKeySpec(bytes, "AES"));
        });
        if (!parsed.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("active encryption key '" + activeKeyId + "' is not among the configured keys "
                    + parsed.keySet());
        }
        this.keys = Map.copyOf(parsed);
        this.activeKeyId = activeKeyId;
    }

    /** From settings with base64 keys; fails with a message naming the property when nothing is configured. */
    public static SecretBox from(CryptoSettings settings) {
        if (settings.keys() == null || settings.keys().isEmpty() || settings.activeKey() == null) {
            throw new IllegalStateException("Secret encryption needs keys: set lormas.crypto.keys.<id>=<base64 of 32 random bytes>"
                    + " and lormas.crypto.active-key=<id> (e.g. LORMAS_CRYPTO_KEYS_K1 and LORMAS_CRYPTO_ACTIVE_KEY=k1);"
                    + " generate one with: head -c32 /dev/urandom | base64");
        }
        Map<String, byte[]> decoded = new LinkedHashMap<>();
        settings.keys().forEach((id, base64) -> {
            try {
                decoded.put(id, Base64.getDecoder().decode(base64.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("encryption key '" + id + "' is not valid base64");
            }
        });
        return new SecretBox(decoded, settings.activeKey());
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public String encrypt(String plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(activeKeyId, context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + activeKeyId + ":" + Base64.getEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String ciphertext, String context) {
        String[] parts = ciphertext.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new SecretDecryptionException("not a Lormas ciphertext");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new SecretDecryptionException("encrypted with key '" + parts[1] + "', which is not configured");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new SecretDecryptionException("ciphertext is not valid base64");
        }
        if (in.length < IV_BYTES + TAG_BITS / 8) {
            throw new SecretDecryptionException("ciphertext is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(aad(parts[1], context));
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretDecryptionException("ciphertext was altered or belongs to another context");
        } catch (GeneralSecurityException e) {
            throw new SecretDecryptionException("decryption failed: " + e.getClass().getSimpleName());
        }
    }

    /** True when the value was encrypted with an older key and should be re-encrypted. */
    public boolean needsRotation(String ciphertext) {
        String[] parts = ciphertext.split(":", 3);
        return parts.length == 3 && !activeKeyId.equals(parts[1]);
    }

    private static byte[] aad(String keyId, String context) {
        return (VERSION + ":" + keyId + ":" + context).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SecretBox[keys=" + keys.keySet() + ", active=" + activeKeyId + "]";
    }
}
