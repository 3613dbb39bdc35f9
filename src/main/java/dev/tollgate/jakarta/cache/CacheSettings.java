package dev.tollgate.jakarta.cache;

import java.util.Objects;

/**
 * Which JCache provider holds Tollgate's short-lived state.
 *
 * <p>The provider is chosen by class name, never by {@code Caching.getCachingProvider()} without
 * one: a container such as Payara registers its own provider beside Ehcache, and the no-name
 * lookup then fails. Name the container's clustered provider here to share the caches across nodes.
 *
 * @param providerClassName the {@link javax.cache.spi.CachingProvider} implementation class
 * @param cacheNamePrefix   prefix of every cache Tollgate creates, so that several applications can share a manager
 * @param storeByValue      whether the caches copy their values (JCache's store-by-value): clustered providers
 *                          such as Hazelcast need it; an in-process cache does without, as Tollgate's cached values
 *                          are immutable
 */
public record CacheSettings(String providerClassName, String cacheNamePrefix, boolean storeByValue) {

    /** Ehcache 3, bundled with the library: an in-process cache for a single node. */
    public static final String EHCACHE = "org.ehcache.jsr107.EhcacheCachingProvider";

    /** Payara's Hazelcast provider: caches shared by the members of a Payara cluster. */
    public static final String HAZELCAST = "com.hazelcast.cache.HazelcastCachingProvider";

    public CacheSettings {
        Objects.requireNonNull(providerClassName, "providerClassName");
        Objects.requireNonNull(cacheNamePrefix, "cacheNamePrefix");
    }

    /** Ehcache with the prefix {@code tollgate.}, values stored by reference. */
    public static CacheSettings defaults() {
        return new CacheSettings(EHCACHE, "tollgate.", false);
    }

    /** Payara's Hazelcast with the prefix {@code tollgate.}, values stored by value: shared by the cluster. */
    public static CacheSettings hazelcast() {
        return new CacheSettings(HAZELCAST, "tollgate.", true);
    }
}
