package io.lormas.eggs;

import java.util.Objects;

/** How a server is installed: {@code script} runs with {@code entrypoint} (e.g. bash) in {@code container}. */
public record InstallScript(String container, String entrypoint, String script) {

    public InstallScript {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(entrypoint, "entrypoint");
        Objects.requireNonNull(script, "script");
    }
}
