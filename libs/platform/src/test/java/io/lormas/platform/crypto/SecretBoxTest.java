package io.lormas.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final byte[] OLD_KEY = new byte[32];
    private static final byte[] NEW_KEY = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            OLD_KEY[i] = (byte) i;
            NEW_KEY[i] = (byte) (100 + i);
        }
    }

    private static SecretBox box(String active, Map<String, byte[]> keys) {
        return new SecretBox(keys, active);
    }

    @Test
    void roundTripsAndNeverRepeatsACiphertext() {
        SecretBox box = box("k1", Map.of("k1", OLD_KEY));

        String first = box.encrypt("hunter2-database-password", "deploy.env:s1:DB_PASSWORD");
        String second = box.encrypt("hunter2-database-password", "deploy.env:s1:DB_PASSWORD");

        assertThat(first).startsWith("v1:k1:").doesNotContain("hunter2");
        assertThat(second).isNotEqualTo(first);
        assertThat(box.decrypt(first, "deploy.env:s1:DB_PASSWORD")).isEqualTo("hunter2-database-password");
    }

    @Test
    void decryptsOldValuesAfterRotationAndEncryptsWithTheNewKey() {
        String old = box("k1", Map.of("k1", OLD_KEY)).encrypt("token", "ctx");
        Map<String, byte[]> both = new LinkedHashMap<>();
        both.put("k1", OLD_KEY);
        both.put("k2", NEW_KEY);
        SecretBox rotated = box("k2", both);

        assertThat(rotated.decrypt(old, "ctx")).isEqualTo("token");
        assertThat(rotated.needsRotation(old)).isTrue();
        String fresh = rotated.encrypt("token", "ctx");
        assertThat(fresh).startsWith("v1:k2:");
        assertThat(rotated.needsRotation(fresh)).isFalse();
    }

    @Test
    void rejectsAFlippedBit() {
        SecretBox box = box("k1", Map.of("k1", OLD_KEY));
        String sealed = box.encrypt("secret", "ctx");
        String[] parts = sealed.split(":");
        byte[] raw = Base64.getDecoder().decode(parts[2]);
        raw[raw.length / 2] ^= 0x01;
        String tampered = parts[0] + ":" + parts[1] + ":" + Base64.getEncoder().withoutPadding().encodeToString(raw);

        assertThatThrownBy(() -> box.decrypt(tampered, "ctx"))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("altered")
                .hasMessageNotContaining("secret");
    }

    @Test
    void rejectsACiphertextMovedToAnotherContext() {
        SecretBox box = box("k1", Map.of("k1", OLD_KEY));
        String sealed = box.encrypt("secret", "deploy.env:s1:A");

        assertThatThrownBy(() -> box.decrypt(sealed, "deploy.env:s2:A")).isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void rejectsAnUnknownKeyIdAndGarbage() {
        SecretBox box = box("k1", Map.of("k1", OLD_KEY));
        String sealed = box.encrypt("secret", "ctx").replace("v1:k1:", "v1:k9:");

        assertThatThrownBy(() -> box.decrypt(sealed, "ctx")).hasMessageContaining("'k9'");
        assertThatThrownBy(() -> box.decrypt("plaintext", "ctx")).isInstanceOf(SecretDecryptionException.class);
        assertThatThrownBy(() -> box.decrypt("v1:k1:!!!", "ctx")).isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void refusesWeakOrMissingConfiguration() {
        assertThatThrownBy(() -> box("k1", Map.of("k1", new byte[16]))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> box("k2", Map.of("k1", OLD_KEY))).hasMessageContaining("'k2'");
        assertThatThrownBy(() -> SecretBox.from(new CryptoSettings(null, null))).hasMessageContaining("lormas.crypto.keys");
    }

    @Test
    void neverPrintsKeysInSettings() {
        CryptoSettings settings = new CryptoSettings(Map.of("k1", Base64.getEncoder().encodeToString(OLD_KEY)), "k1");

        assertThat(settings.toString()).doesNotContain(Base64.getEncoder().encodeToString(OLD_KEY));
        assertThat(SecretBox.from(settings).toString()).doesNotContain(Base64.getEncoder().encodeToString(OLD_KEY));
    }
}
