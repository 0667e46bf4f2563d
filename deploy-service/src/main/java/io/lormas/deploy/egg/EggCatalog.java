package io.lormas.deploy.egg;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.contracts.catalog.EggDefinition;
import io.lormas.contracts.catalog.EggPublished;
import io.lormas.contracts.catalog.EggRemoved;
import io.lormas.platform.events.EventHandler;

/**
 * Keeps every egg version from catalog events and answers which version new servers get. A published version
 * never changes, so versions are cached for good; which version is the newest is cached for a second (another
 * replica may have consumed the event that changed it).
 */
@Component
public class EggCatalog {

    private static final long LATEST_TTL_NANOS = 1_000_000_000L;
    private static final int MAX_CACHED = 2_000;

    private final Eggs eggs;
    private final JsonMapper json;
    private final Map<String, EggVersion> versions = new ConcurrentHashMap<>();
    private final Map<UUID, Latest> latest = new ConcurrentHashMap<>();

    private record Latest(Optional<EggVersion> egg, long readAtNanos) {
    }

    EggCatalog(Eggs eggs, JsonMapper json) {
        this.eggs = eggs;
        this.json = json;
    }

    @EventHandler
    void on(EggPublished event) {
        eggs.upsertVersion(event.eggId(), event.version(), event.name(), json.writeValueAsString(event.definition()));
        eggs.upsertEgg(event.eggId(), event.name(), event.version());
        versions.remove(event.eggId() + ":" + event.version()); // republished: read it again
        latest.remove(event.eggId());
    }

    @EventHandler
    void on(EggRemoved event) {
        eggs.markRemoved(event.eggId());
        latest.remove(event.eggId());
    }

    /** The newest version of an egg that takes new servers; empty when unknown or removed. */
    public Optional<EggVersion> latestAvailable(UUID eggId) {
        Latest cached = latest.get(eggId);
        if (cached != null && System.nanoTime() - cached.readAtNanos() < LATEST_TTL_NANOS) {
            return cached.egg();
        }
        Optional<EggVersion> found = eggs.findLatestAvailable(eggId).map(this::parse);
        if (latest.size() > MAX_CACHED) {
            latest.clear();
        }
        if (found.isPresent()) { // an egg not yet known may arrive any moment: never cache its absence
            latest.put(eggId, new Latest(found, System.nanoTime()));
        }
        return found;
    }

    /** A version a server was created with (kept even after the egg is removed). */
    public Optional<EggVersion> version(UUID eggId, int version) {
        String key = eggId + ":" + version;
        EggVersion cached = versions.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<EggVersion> found = eggs.findVersion(eggId, version).map(this::parse);
        if (versions.size() > MAX_CACHED) {
            versions.clear();
        }
        found.ifPresent(egg -> versions.put(key, egg));
        return found;
    }

    private EggVersion parse(Eggs.StoredVersion stored) {
        EggVersion cached = versions.get(stored.eggId() + ":" + stored.version());
        if (cached != null) {
            return cached;
        }
        return new EggVersion(stored.eggId(), stored.version(), stored.name(),
                json.readValue(stored.definition(), EggDefinition.class));
    }
}
