package io.lormas.pulsar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads the bookie cookie ({@code <bookkeeper-dir>/current/VERSION}) BookKeeper writes on first start. On later
 * starts Pulsar reuses the address recorded there and ignores {@code --bookkeeper-port}.
 */
final class BookieCookie {

    private static final Pattern BOOKIE_HOST = Pattern.compile("bookieHost:\\s*\"[^\"]*:(\\d+)\"");

    private BookieCookie() {
    }

    /** The bookie port recorded in existing data, if any. */
    static OptionalInt recordedPort(Path bookkeeperDir) {
        Path cookie = bookkeeperDir.resolve("current").resolve("VERSION");
        if (!Files.isRegularFile(cookie)) {
            return OptionalInt.empty();
        }
        try {
            var m = BOOKIE_HOST.matcher(Files.readString(cookie, StandardCharsets.UTF_8));
            return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
