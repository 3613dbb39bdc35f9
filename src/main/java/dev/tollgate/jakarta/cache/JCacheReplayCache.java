package dev.tollgate.jakarta.cache;

import dev.tollgate.common.ReplayCache;
import java.time.Duration;
import javax.cache.Cache;

/**
 * A replay cache in a JCache cache whose entries live {@code lifetime}: {@code putIfAbsent} makes the
 * check-and-record atomic, also across the nodes of a clustered provider.
 */
public class JCacheReplayCache implements ReplayCache {

    private final Cache<String, Boolean> cache;
    private final Duration lifetime;

    public JCacheReplayCache(Cache<String, Boolean> cache, Duration lifetime) {
        this.cache = cache;
        this.lifetime = lifetime;
    }

    @Override
    public boolean recordIfAbsent(String key, Duration keep) {
        if (keep.compareTo(lifetime) > 0) {
            throw new IllegalArgumentException("Keys must be kept " + keep + " but the cache keeps them " + lifetime);
        }
        return cache.putIfAbsent(key, Boolean.TRUE);
    }
}
