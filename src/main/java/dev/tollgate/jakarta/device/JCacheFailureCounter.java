package dev.tollgate.jakarta.device;

import dev.tollgate.device.FailureCounter;
import java.time.Duration;
import javax.cache.Cache;

/**
 * Failure counts in a JCache cache whose entries live {@code lifetime}: {@code putIfAbsent} starts a count and
 * {@code replace(key, old, new)} adds to it, each atomic, also across the nodes of a clustered provider.
 */
public class JCacheFailureCounter implements FailureCounter {

    private final Cache<String, Integer> cache;
    private final Duration lifetime;

    public JCacheFailureCounter(Cache<String, Integer> cache, Duration lifetime) {
        this.cache = cache;
        this.lifetime = lifetime;
    }

    @Override
    public int count(String key) {
        Integer count = cache.get(key);
        return count == null ? 0 : count;
    }

    @Override
    public int increment(String key, Duration memory) {
        if (memory.compareTo(lifetime) > 0) {
            throw new IllegalArgumentException("Failures must be remembered " + memory + " but the cache keeps them "
                    + lifetime);
        }
        while (true) {
            Integer count = cache.get(key);
            if (count == null ? cache.putIfAbsent(key, 1) : cache.replace(key, count, count + 1)) {
                return count == null ? 1 : count + 1;
            }
        }
    }
}
