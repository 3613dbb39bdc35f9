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
 * @param maxEntries        the most entries each cache holds on Ehcache, the least recently used going first. A
 *                          nonce must stay for twice the timestamp window, so size it at least at the signed
 *                          requests a second times that ({@link #DEFAULT_MAX_ENTRIES} covers 1,600 a second with
 *                          the default window). A clustered provider bounds its caches in its own configuration.
 */
public record CacheSettings(String providerClassName, String cacheNamePrefix, boolean storeByValue,
                            long maxEntries) {

    /** Ehcache 3, bundled with the library: an in-process cache for a single node. */
    public static final String EHCACHE = "org.ehcache.jsr107.EhcacheCachingProvider";

    /**
     * Hazelcast's member provider, over Payara's own instance ({@link PayaraDataGrid}): caches shared by the members
     * of a Payara cluster. (Hazelcast's {@code HazelcastCachingProvider} would start a client instead, which looks
     * for a cluster on 127.0.0.1:5701 for ever.)
     */
    public static final String HAZELCAST = "com.hazelcast.cache.HazelcastMemberCachingProvider";

    /** A million entries a cache. */
    public static final long DEFAULT_MAX_ENTRIES = 1_000_000;

    public CacheSettings {
        Objects.requireNonNull(providerClassName, "providerClassName");
        Objects.requireNonNull(cacheNamePrefix, "cacheNamePrefix");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
    }

    /** These settings with another prefix, e.g. for a second application in the same cache manager. */
    public CacheSettings withPrefix(String prefix) {
        return new CacheSettings(providerClassName, prefix, storeByValue, maxEntries);
    }

    /** These settings with another bound on each cache. */
    public CacheSettings withMaxEntries(long entries) {
        return new CacheSettings(providerClassName, cacheNamePrefix, storeByValue, entries);
    }

    /** Ehcache with the prefix {@code tollgate.}, values stored by reference, a million entries a cache. */
    public static CacheSettings defaults() {
        return new CacheSettings(EHCACHE, "tollgate.", false, DEFAULT_MAX_ENTRIES);
    }

    /** Payara's Hazelcast with the prefix {@code tollgate.}, values stored by value: shared by the cluster. */
    public static CacheSettings hazelcast() {
        return new CacheSettings(HAZELCAST, "tollgate.", true, DEFAULT_MAX_ENTRIES);
    }
}
