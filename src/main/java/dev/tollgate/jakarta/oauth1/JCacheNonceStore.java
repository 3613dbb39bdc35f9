package dev.tollgate.jakarta.oauth1;

import dev.tollgate.oauth1.NonceStore;
import java.time.Duration;
import javax.cache.Cache;

/**
 * Used nonces in a JCache cache whose entries live {@code lifetime}: {@code putIfAbsent} makes the
 * check-and-record atomic, also across the nodes of a clustered provider.
 */
public class JCacheNonceStore implements NonceStore {

    private final Cache<String, Boolean> cache;
    private final Duration lifetime;

    public JCacheNonceStore(Cache<String, Boolean> cache, Duration lifetime) {
        this.cache = cache;
        this.lifetime = lifetime;
    }

    @Override
    public boolean recordIfAbsent(String key, Duration ttl) {
        if (ttl.compareTo(lifetime) > 0) {
            throw new IllegalArgumentException("Nonces must be kept " + ttl + " but the cache keeps them " + lifetime);
        }
        return cache.putIfAbsent(key, Boolean.TRUE);
    }
}
