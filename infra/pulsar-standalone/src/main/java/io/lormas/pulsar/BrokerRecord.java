package io.lormas.pulsar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code <data-dir>/broker.json} tells other processes about a running broker, so they can find
 * and reuse it instead of starting another one.
 *
 * @param pid the launcher's process id
 * @param brokerUrl Pulsar protocol URL, {@code pulsar://127.0.0.1:<port>}
 * @param webUrl admin REST URL, {@code http://127.0.0.1:<port>}
 */
record BrokerRecord(long pid, String brokerUrl, String webUrl) {

    private static final Pattern PID = Pattern.compile("\"pid\"\\s*:\\s*(\\d+)");

    String toJson() {
        return "{\"pid\":" + pid + ",\"brokerUrl\":\"" + brokerUrl + "\",\"webUrl\":\"" + webUrl + "\"}\n";
    }

    /** Writes the file atomically: readers see the old file, no file, or the whole new one. */
    void writeTo(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, toJson(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The pid recorded in {@code file}, if the file exists and names one. */
    static Optional<Long> pidIn(Path file) {
        try {
            var m = PID.matcher(Files.readString(file, StandardCharsets.UTF_8));
            return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Deletes {@code file} only when it still describes this process (a newer broker may own it). */
    static void deleteIfOwnedBy(Path file, long pid) {
        if (pidIn(file).filter(p -> p == pid).isPresent()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Best effort at shutdown: a stale record is detected by its dead pid.
            }
        }
    }
}
