package io.lormas.catalog.egg;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.lormas.catalog.CatalogSettings;
import io.lormas.eggs.Egg;
import io.lormas.eggs.VariableValidator;
import io.lormas.eggs.format.EggFormat;
import io.lormas.eggs.format.EggReader;
import io.lormas.eggs.format.EggWriter;
import io.lormas.eggs.format.ImportSettings;
import io.lormas.eggs.format.Syntax;

/**
 * How egg versions are stored and read back: as PLCN_v3 JSON written by libs/eggs (lossless), with a fixed
 * {@code exported_at} so that equal eggs give equal text. Parsed versions are cached; a version never changes once
 * written, so the cache never goes stale.
 */
@Component
public class EggVersions {

    /** Stored definitions may be larger than the imported file (YAML config maps become escaped JSON text). */
    private static final int STORED_MAX_BYTES = 16 * 1024 * 1024;

    private final Eggs eggs;
    private final EggWriter canonicalWriter = new EggWriter(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final EggReader storedReader = new EggReader(ImportSettings.defaults().withMaxBytes(STORED_MAX_BYTES));
    private final Map<String, Parsed> cache;

    /** A parsed version and its variable validator (building one compiles the rules' regular expressions). */
    public record Parsed(Egg egg, VariableValidator validator) {
    }

    EggVersions(Eggs eggs, CatalogSettings settings) {
        this.eggs = eggs;
        int size = settings.cacheSize();
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
                return size() > size;
            }
        });
    }

    /** The stored text of an egg: equal eggs give equal text. */
    String canonical(Egg egg) {
        return canonicalWriter.write(egg, EggFormat.PLCN_V3, Syntax.JSON);
    }

    /** One version, parsed; empty when the egg has no such version. */
    public Optional<Parsed> find(UUID eggId, int version) {
        String key = eggId + ":" + version;
        Parsed cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        return eggs.findVersion(eggId, version).map(row -> {
            Parsed parsed = parse(row.definition());
            cache.put(key, parsed);
            return parsed;
        });
    }

    Parsed parse(String definition) {
        Egg egg = storedReader.read(definition).egg();
        return new Parsed(egg, VariableValidator.of(egg));
    }
}
