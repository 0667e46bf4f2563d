package io.lormas.agent.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.lormas.agent.config.AgentSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoriesTest {

    @TempDir
    Path root;

    DataDirectories directories;
    Path outside;

    @BeforeEach
    void setUp() throws Exception {
        // the current user owns the files, so the test needs no root
        int uid = (Integer) Files.getAttribute(root, "unix:uid");
        int gid = (Integer) Files.getAttribute(root, "unix:gid");
        directories = new DataDirectories(new AgentSettings(root.resolve("state").toString(), root.resolve("servers").toString(),
                uid, gid, null, Duration.ofSeconds(1), 100));
        directories.ensure("s1");
        outside = root.resolve("outside.txt");
        Files.writeString(outside, "host file");
    }

    private static void assertRefused(Runnable action) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(CommandFailure.class, e -> assertThat(e.code()).isEqualTo("path_refused"));
    }

    @Test
    void refusesPathsThatLeaveTheDirectory() {
        assertRefused(() -> DataDirectories.componentsOf("../outside.txt"));
        assertRefused(() -> DataDirectories.componentsOf("config/../../outside.txt"));
        assertRefused(() -> DataDirectories.componentsOf("/"));
        assertRefused(() -> DataDirectories.componentsOf("a\0b"));
        assertThat(DataDirectories.componentsOf("/config/./server.properties")).containsExactly("config", "server.properties");
    }

    @Test
    void readsAndWritesInsideTheDirectory() {
        assertThat(directories.write("s1", "server.properties", "a=1\n".getBytes(StandardCharsets.UTF_8))).isTrue();

        assertThat(directories.read("s1", "/server.properties")).hasValueSatisfying(
                bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("a=1\n"));
        assertThat(directories.read("s1", "missing.properties")).isEmpty();
        assertThat(directories.write("s1", "no/such/dir/file", new byte[0])).isFalse();
    }

    @Test
    void neverFollowsALinkToTheHost() throws Exception {
        Path dir = directories.path("s1");
        Files.createSymbolicLink(dir.resolve("server.properties"), outside);
        Files.createSymbolicLink(dir.resolve("config"), root);

        assertRefused(() -> directories.read("s1", "server.properties"));
        assertRefused(() -> directories.write("s1", "server.properties", "x".getBytes(StandardCharsets.UTF_8)));
        assertRefused(() -> directories.write("s1", "config/outside.txt", "x".getBytes(StandardCharsets.UTF_8)));
        assertThat(outside).hasContent("host file");
    }

    @Test
    void measuresAndDeletesWithoutFollowingLinks() throws Exception {
        Path dir = directories.path("s1");
        Files.write(dir.resolve("world.dat"), new byte[1000]);
        Files.createDirectories(dir.resolve("logs"));
        Files.write(dir.resolve("logs/latest.log"), new byte[24]);
        Files.createSymbolicLink(dir.resolve("host"), root);

        assertThat(directories.size("s1")).isEqualTo(1024);
        assertThat(directories.delete("s1")).isTrue();
        assertThat(dir).doesNotExist();
        assertThat(outside).exists();
    }
}
