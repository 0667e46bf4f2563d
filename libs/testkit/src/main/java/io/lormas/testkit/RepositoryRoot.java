package io.lormas.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root: {@code -Dlormas.repo.root} (set by the build) or the nearest parent holding {@code mvnw}. */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    public static Path get() {
        String configured = System.getProperty("lormas.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("infra"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the Lormas checkout root from " + Path.of("").toAbsolutePath()
                + "; set -Dlormas.repo.root");
    }

    /** {@code ../shared} beside the checkout (corpus, tools), or {@code -Dlormas.shared.dir}. */
    public static Path shared() {
        String configured = System.getProperty("lormas.shared.dir");
        Path shared = configured != null ? Path.of(configured) : get().resolve("../shared").normalize();
        if (!Files.isDirectory(shared)) {
            throw new IllegalStateException("shared directory not found at " + shared + " (set -Dlormas.shared.dir)");
        }
        return shared;
    }
}
