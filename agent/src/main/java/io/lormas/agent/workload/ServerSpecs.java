package io.lormas.agent.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.lormas.agent.config.StateDirectory;
import io.lormas.contracts.agent.ServerSpec;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The specs of the servers on this node, as the last {@code create} or {@code install} sent them, kept in the
 * state directory so start, stop and install work after an agent restart.
 */
@Singleton
final class ServerSpecs {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSpecs.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final StateDirectory state;
    private final Path directory;
    private final ConcurrentMap<String, ServerSpec> cache = new ConcurrentHashMap<>();

    ServerSpecs(StateDirectory state) {
        this.state = state;
        this.directory = state.directory("servers");
    }

    Optional<ServerSpec> find(String serverId) {
        ServerSpec cached = cache.get(serverId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Path file = directory.resolve(serverId + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ServerSpec spec = JSON.readValue(Files.readAllBytes(file), ServerSpec.class);
            cache.put(serverId, spec);
            return Optional.of(spec);
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            LOG.warn("spec of server {} in {} is unreadable, treating the server as unknown: {}", serverId, file, e.toString());
            return Optional.empty();
        }
    }

    void save(String serverId, ServerSpec spec) {
        state.write(directory.resolve(serverId + ".json"), JSON.writeValueAsBytes(spec));
        cache.put(serverId, spec);
    }

    void remove(String serverId) {
        cache.remove(serverId);
        try {
            Files.deleteIfExists(directory.resolve(serverId + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
