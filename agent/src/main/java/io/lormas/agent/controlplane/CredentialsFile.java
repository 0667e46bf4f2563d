package io.lormas.agent.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

import io.lormas.agent.config.StateDirectory;
import io.lormas.agent.workload.NodeIdentity;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The node's client credentials in {@code <stateDir>/credentials.json}, readable by the agent's user only. */
@Singleton
public final class CredentialsFile implements NodeIdentity {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StateDirectory state;
    private volatile @Nullable Credentials loaded;

    public CredentialsFile(StateDirectory state) {
        this.state = state;
    }

    public Path path() {
        return state.file("credentials.json");
    }

    public Optional<Credentials> read() {
        Credentials cached = loaded;
        if (cached != null) {
            return Optional.of(cached);
        }
        Path file = path();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new IllegalStateException(file + " is readable by others (" + permissions
                        + "); it holds the node's secret: chmod 600 it");
            }
            Credentials credentials = JSON.readValue(Files.readAllBytes(file), Credentials.class);
            loaded = credentials;
            return Optional.of(credentials);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a valid credentials file: " + e.getMessage(), e);
        }
    }

    /** The credentials; fails with a hint when the node was never registered. */
    public Credentials require() {
        return read().orElseThrow(() -> new IllegalStateException("no credentials at " + path()
                + ": register the node first with `agent register --url <gateway> --token <registration token>`"));
    }

    void write(Credentials credentials) {
        state.write(path(), JSON.writeValueAsBytes(credentials));
        loaded = credentials;
    }

    @Override
    public String nodeId() {
        return require().nodeId();
    }
}
