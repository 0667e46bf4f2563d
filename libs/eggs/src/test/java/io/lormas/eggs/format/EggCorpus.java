package io.lormas.eggs.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The shared egg corpus ({@code <shared>/corpus/eggs} and {@code eggs-invalid}), found through the
 * system property {@code lormas.shared.dir} or, by default, {@code ../../../shared} from the module
 * directory (libs/eggs of the main checkout). Read-only.
 */
public final class EggCorpus {

    private static final Set<String> NOT_EGGS = Set.of("README.md", "INDEX.tsv", "RULES.md");

    private EggCorpus() {
    }

    /** The {@code shared} directory; fails with a hint when it is missing. */
    public static Path sharedDir() {
        String configured = System.getProperty("lormas.shared.dir");
        Path dir = (configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.dir"), "..", "..", "..", "shared")
                : Path.of(configured)).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("corpus").resolve("eggs"))) {
            throw new IllegalStateException("The egg corpus is not at " + dir.resolve("corpus/eggs")
                    + ": run from libs/eggs next to the shared checkout, or pass -Dlormas.shared.dir=<dir holding"
                    + " corpus/eggs>");
        }
        return dir;
    }

    public static Path eggsDir() {
        return sharedDir().resolve("corpus").resolve("eggs");
    }

    public static Path invalidEggsDir() {
        return sharedDir().resolve("corpus").resolve("eggs-invalid");
    }

    /** Every egg file of the dev corpus, sorted by path. */
    public static List<Path> eggFiles() {
        return filesUnder(eggsDir());
    }

    /** The historical eggs that were committed broken. */
    public static List<Path> invalidEggFiles() {
        return filesUnder(invalidEggsDir());
    }

    /** Rows of an INDEX.tsv, header excluded, split on tabs. */
    public static List<String[]> index(Path dir) {
        try (Stream<String> lines = Files.lines(dir.resolve("INDEX.tsv"))) {
            return lines.skip(1).filter(line -> !line.isBlank()).map(line -> line.split("\t", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> filesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !NOT_EGGS.contains(file.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
