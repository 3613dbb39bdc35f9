package dev.tollgate.jakarta.cache;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.spi.CachingProvider;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Opens the caches Tollgate keeps short-lived state in, from the provider that {@link CacheSettings} names.
 * Each cache has a fixed time-to-live from creation, so an entry is gone when its protocol lifetime is over.
 * Values are stored by value or by reference as {@link CacheSettings#storeByValue()} says.
 */
@ApplicationScoped
public class TollgateCaches implements AutoCloseable {

    private final CacheSettings settings;
    private final CacheManager manager;

    /** For the CDI client proxy only. */
    protected TollgateCaches() {
        this.settings = null;
        this.manager = null;
    }

    @Inject
    public TollgateCaches(CacheSettings settings) {
        this.settings = settings;
        ClassLoader loader = TollgateCaches.class.getClassLoader();
        CachingProvider provider = Caching.getCachingProvider(settings.providerClassName(), loader);
        this.manager = provider.getCacheManager(provider.getDefaultURI(), loader);
    }

    /**
     * The cache named {@code prefix + name}, created on first use with the given time-to-live.
     * An existing cache is returned as it is (its expiry was fixed when it was created).
     */
    public synchronized <K, V> Cache<K, V> cache(String name, Class<K> keyType, Class<V> valueType, Duration timeToLive) {
        String fullName = settings.cacheNamePrefix() + name;
        Cache<K, V> existing = manager.getCache(fullName, keyType, valueType);
        if (existing != null) {
            return existing;
        }
        MutableConfiguration<K, V> configuration = new MutableConfiguration<K, V>()
                .setTypes(keyType, valueType)
                .setStoreByValue(settings.storeByValue())
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                        new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, timeToLive.toMillis())));
        return manager.createCache(fullName, configuration);
    }

    /** The provider actually in use, for diagnostics. */
    public String providerName() {
        return manager.getCachingProvider().getClass().getName();
    }

    @Override
    @PreDestroy
    public void close() {
        manager.close();
    }
}
