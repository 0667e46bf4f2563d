package io.lormas.catalog;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of catalog-service.
 *
 * @param eggCacheSize parsed egg versions kept in memory; versions never change, so entries never go stale
 */
@ConfigurationProperties("lormas.catalog")
public record CatalogSettings(@Nullable Integer eggCacheSize) {

    public int cacheSize() {
        return eggCacheSize == null || eggCacheSize < 1 ? 512 : eggCacheSize;
    }
}
