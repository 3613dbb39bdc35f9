package dev.tollgate.jakarta.cache;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.spi.CachingProvider;
import jakarta.annotation.PreDestroy;
import org.ehcache.config.CacheRuntimeConfiguration;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.ExpiryPolicyBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.expiry.ExpiryPolicy;
import org.ehcache.impl.copy.SerializingCopier;
import org.ehcache.jsr107.Eh107Configuration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Opens the caches Tollgate keeps short-lived state in, from the provider that {@link CacheSettings} names.
 * Each cache has a fixed time-to-live from creation, so an entry is gone when its protocol lifetime is over.
 * Values are stored by value or by reference as {@link CacheSettings#storeByValue()} says.
 */
@ApplicationScoped
public class TollgateCaches implements AutoCloseable {

    /** Hazelcast's JCache property that hands the provider an existing instance. */
    static final String HAZELCAST_INSTANCE_ITSELF = "hazelcast.instance.itself";

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
        boolean hazelcast = CacheSettings.HAZELCAST.equals(settings.providerClassName());
        this.manager = provider.getCacheManager(provider.getDefaultURI(),
                hazelcast ? new ClusterWideName(loader) : loader, properties(settings));
    }

    /**
     * The application's class loader under a name every node shares: Hazelcast prefixes a cache's name with its
     * manager's class loader's {@code toString()} (its {@code CacheUtil.getPrefix}), which would differ from node to
     * node and give each its own caches.
     */
    private static final class ClusterWideName extends ClassLoader {

        ClusterWideName(ClassLoader application) {
            super("tollgate", application);
        }

        @Override
        public String toString() {
            return "tollgate";
        }
    }

    // Hazelcast's caches in Payara's own instance, never in one the provider would start
    private static Properties properties(CacheSettings settings) {
        Properties properties = new Properties();
        if (CacheSettings.HAZELCAST.equals(settings.providerClassName())) {
            properties.put(HAZELCAST_INSTANCE_ITSELF, PayaraDataGrid.instance().orElseThrow(() ->
                    new IllegalStateException("tollgate.cache=hazelcast needs Payara's data grid, which is off here "
                            + "(Payara Micro started with --nohazelcast, or a server other than Payara)")));
        }
        return properties;
    }

    /**
     * The cache named {@code prefix + name}, created on first use with the given time-to-live (and, on Ehcache,
     * {@link CacheSettings#maxEntries()}). An existing cache, such as one a cluster configured, is returned as
     * it is if it keeps entries at least that long.
     *
     * @throws IllegalStateException if an existing cache would forget entries sooner than the protocol needs
     *                               (a nonce cache shorter than the timestamp window lets replays through)
     */
    public synchronized <K, V> Cache<K, V> cache(String name, Class<K> keyType, Class<V> valueType, Duration timeToLive) {
        String fullName = settings.cacheNamePrefix() + name;
        Cache<K, V> existing = manager.getCache(fullName, keyType, valueType);
        if (existing != null) {
            checkKeepsEntries(existing, timeToLive);
            return existing;
        }
        return manager.createCache(fullName, CacheSettings.EHCACHE.equals(settings.providerClassName())
                ? ehcache(keyType, valueType, timeToLive) : standard(keyType, valueType, timeToLive));
    }

    private <K, V> Configuration<K, V> standard(Class<K> keyType, Class<V> valueType, Duration timeToLive) {
        return new MutableConfiguration<K, V>()
                .setTypes(keyType, valueType)
                .setStoreByValue(settings.storeByValue())
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                        new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, timeToLive.toMillis())));
    }

    // JCache has no size bound: Ehcache's own configuration gives one, through its JCache provider
    private <K, V> Configuration<K, V> ehcache(Class<K> keyType, Class<V> valueType, Duration timeToLive) {
        CacheConfigurationBuilder<K, V> builder = CacheConfigurationBuilder.newCacheConfigurationBuilder(keyType,
                        valueType, ResourcePoolsBuilder.heap(settings.maxEntries()))
                .withExpiry(ExpiryPolicyBuilder.timeToLiveExpiration(timeToLive));
        if (settings.storeByValue()) {
            builder = builder.withKeyCopier(SerializingCopier.<K>asCopierClass())
                    .withValueCopier(SerializingCopier.<V>asCopierClass());
        }
        return Eh107Configuration.fromEhcacheCacheConfiguration(builder.build());
    }

    private static void checkKeepsEntries(Cache<?, ?> cache, Duration needed) {
        Duration kept = timeToLive(cache);
        if (kept != null && kept.compareTo(needed) < 0) {
            throw new IllegalStateException("The cache " + cache.getName() + " keeps entries " + kept + ", less than"
                    + " the " + needed + " Tollgate needs; configure it to keep them at least that long");
        }
    }

    /** How long a cache keeps an entry from its creation, or {@code null} for ever. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Duration timeToLive(Cache<?, ?> cache) {
        try {
            javax.cache.expiry.Duration created = ((CompleteConfiguration<?, ?>) cache.getConfiguration(
                    CompleteConfiguration.class)).getExpiryPolicyFactory().create().getExpiryForCreation();
            return created == null || created.isEternal()
                    ? null : Duration.ofMillis(created.getTimeUnit().toMillis(created.getDurationAmount()));
        } catch (IllegalArgumentException notStandard) {
            // Ehcache's own configuration answers only as itself
            Eh107Configuration<?, ?> ehcache = cache.getConfiguration(Eh107Configuration.class);
            Duration created = ((ExpiryPolicy) ehcache.unwrap(CacheRuntimeConfiguration.class).getExpiryPolicy())
                    .getExpiryForCreation(null, null);
            return ExpiryPolicy.INFINITE.equals(created) ? null : created;
        }
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
