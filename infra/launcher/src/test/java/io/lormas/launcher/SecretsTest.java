package io.lormas.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @Test
    void generatesSecretsOnceIntoAPrivateFileAndReusesThem(@TempDir Path home) throws Exception {
        Secrets first = Secrets.loadOrCreate(home);
        Secrets again = Secrets.loadOrCreate(home);

        assertThat(Base64.getDecoder().decode(first.cryptoKey())).hasSize(32);
        assertThat(again.cryptoKey()).isEqualTo(first.cryptoKey());
        assertThat(again.clientSecret("node-service")).isEqualTo(first.clientSecret("node-service")).hasSizeGreaterThan(20);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("secrets.properties"))))
                .isEqualTo("rw-------");
    }
}
