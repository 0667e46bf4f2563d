package io.lormas.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    private final PasswordHashing hashing = new PasswordHashing();

    @Test
    void hashesPasswordsWithArgon2id() {
        String hash = hashing.encode("correct horse battery");

        assertThat(hash).startsWith("{argon2}$argon2id$");
        assertThat(hashing.matches("correct horse battery", hash)).isTrue();
        assertThat(hashing.matches("wrong horse battery", hash)).isFalse();
    }

    @Test
    void keepsPlatformSecretsOnSha256WithoutAskingForAnUpgrade() {
        String hash = HighEntropySecretEncoder.PREFIX + new HighEntropySecretEncoder().encode("lcs_secret");

        assertThat(hashing.matches("lcs_secret", hash)).isTrue();
        assertThat(hashing.matches("lcs_other", hash)).isFalse();
        assertThat(hashing.upgradeEncoding(hash)).isFalse();
    }
}
