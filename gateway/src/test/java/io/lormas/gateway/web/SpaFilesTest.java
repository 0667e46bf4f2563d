package io.lormas.gateway.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SpaFilesTest {

    @TempDir
    Path root;

    @Test
    void servesBuiltInPageForClientRoutesWhenNoDirectoryIsConfigured() {
        SpaFiles files = new SpaFiles(new SpaSettings(null));

        assertThat(files.resolve("/").resource()).isEqualTo(SpaFiles.BUILT_IN);
        assertThat(files.resolve("/servers/1").resource()).isEqualTo(SpaFiles.BUILT_IN);
        assertThat(files.resolve("/app.js")).isNull();
    }

    @Test
    void fallsBackToBuiltInPageWhenConfiguredDirectoryIsMissing() {
        SpaFiles files = new SpaFiles(new SpaSettings(root.resolve("absent").toString()));

        assertThat(files.resolve("/").resource()).isEqualTo(SpaFiles.BUILT_IN);
    }

    @Test
    void neverServesApiPathsDotfilesOrFilesOutsideTheDirectory() throws IOException {
        Path spa = Files.createDirectories(root.resolve("spa"));
        Files.writeString(spa.resolve("index.html"), "index");
        Files.writeString(spa.resolve(".env"), "SECRET=1");
        Files.writeString(root.resolve("outside.txt"), "outside");
        Files.createSymbolicLink(spa.resolve("link.txt"), root.resolve("outside.txt"));
        SpaFiles files = new SpaFiles(new SpaSettings(spa.toString()));

        assertThat(files.resolve("/api/servers")).isNull();
        assertThat(files.resolve("/actuator/env")).isNull();
        assertThat(files.resolve("/.env")).isNull();
        assertThat(files.resolve("/%2e%2e/outside.txt")).isNull();
        assertThat(files.resolve("/assets/../../outside.txt")).isNull();
        assertThat(files.resolve("/link.txt")).isNull();
        assertThat(files.resolve("/servers/1").resource().getFilename()).isEqualTo("index.html");
    }
}
