package dev.tollgate.jakarta.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Produces {@link CacheSettings#defaults()}. An application names another provider by producing its own
 * {@code CacheSettings} as an {@code @Alternative} with a {@code @Priority}.
 */
@ApplicationScoped
public class DefaultCacheSettings {

    @Produces
    public CacheSettings cacheSettings() {
        return CacheSettings.defaults();
    }
}
