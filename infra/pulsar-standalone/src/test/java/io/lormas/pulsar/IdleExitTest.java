package io.lormas.pulsar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdleExitTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void keepsRunningWhileTheLeaseIsFresh() throws IOException {
        Path lease = touchedAt(NOW.minus(Duration.ofSeconds(59)));

        assertThat(new IdleExit(lease, Duration.ofMinutes(1), clock).expired()).isFalse();
    }

    @Test
    void expiresOnceTheLeaseIsOlderThanTheIdleTime() throws IOException {
        Path lease = touchedAt(NOW.minus(Duration.ofMinutes(1)));

        assertThat(new IdleExit(lease, Duration.ofMinutes(1), clock).expired()).isTrue();
    }

    @Test
    void expiresWhenTheLeaseIsMissing() {
        assertThat(new IdleExit(dir.resolve("lease"), Duration.ofMinutes(1), clock).expired()).isTrue();
    }

    @Test
    void renewingCreatesOrRefreshesTheLease() throws IOException {
        Path lease = dir.resolve("lease");
        var idleExit = new IdleExit(lease, Duration.ofMinutes(1), clock);

        idleExit.renewLease();
        assertThat(lease).exists();

        Files.setLastModifiedTime(lease, FileTime.from(NOW.minus(Duration.ofHours(1))));
        idleExit.renewLease();
        assertThat(idleExit.expired()).isFalse();
    }

    private Path touchedAt(Instant instant) throws IOException {
        Path lease = Files.createFile(dir.resolve("lease"));
        Files.setLastModifiedTime(lease, FileTime.from(instant));
        return lease;
    }
}
