package io.lormas.catalog.runtime;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A buildpack for apps deployed from source.
 *
 * @param baseImage the image the app is built and run on; null for {@code dockerfile} (the repository's own)
 * @param detectFiles files at the repository root that select this runtime
 * @param buildCommands shell lines run in order inside the build container (never on a host)
 * @param startCommand the container's argument array; empty means the image's own CMD
 * @param defaultPort the port the app is expected to listen on ({@code PORT} is set to it), null when the image says
 * @param priority detection order: the lowest priority whose detect file exists wins
 */
public record Runtime(String id, String name, String description, @Nullable String baseImage, List<String> detectFiles,
        List<String> buildCommands, List<String> startCommand, @Nullable Integer defaultPort, int priority) {
}
