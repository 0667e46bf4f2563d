package io.lormas.catalog.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.lormas.testkit.RepositoryRoot;

/** The community eggs of {@code ../shared/corpus} (see its README), listed by their INDEX.tsv. */
public final class Corpus {

    private Corpus() {
    }

    /** One file of the corpus and the columns of its INDEX.tsv row. */
    public record Entry(Path file, String name, String[] columns) {

        public byte[] bytes() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code corpus/eggs}: every file must import. */
    public static List<Entry> eggs() {
        return read("eggs");
    }

    /** {@code corpus/eggs-invalid}: files committed broken, every one must be refused. */
    public static List<Entry> invalidEggs() {
        return read("eggs-invalid");
    }

    private static List<Entry> read(String directory) {
        Path root = RepositoryRoot.shared().resolve("corpus").resolve(directory);
        Path index = root.resolve("INDEX.tsv");
        if (!Files.exists(index)) {
            throw new IllegalStateException(index + " is missing: the egg corpus lives in ../shared/corpus "
                    + "(set -Dlormas.shared.dir)");
        }
        try {
            return Files.readAllLines(index).stream().skip(1).filter(line -> !line.isBlank())
                    .map(line -> line.split("\t", -1))
                    .map(columns -> new Entry(root.resolve(columns[0]), columns[0], columns))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
