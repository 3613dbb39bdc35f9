package dev.tollgate.oauth1;

import dev.tollgate.common.ReplayCache;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Nonces in a concurrent map; {@code putIfAbsent} makes recording atomic. Entries never expire here. */
final class InMemoryReplayCache implements ReplayCache {

    private final Map<String, Duration> recorded = new ConcurrentHashMap<>();

    @Override
    public boolean recordIfAbsent(String key, Duration ttl) {
        return recorded.putIfAbsent(key, ttl) == null;
    }

    int size() {
        return recorded.size();
    }

    Duration ttlOf(String key) {
        return recorded.get(key);
    }

    java.util.Set<String> keys() {
        return recorded.keySet();
    }
}
