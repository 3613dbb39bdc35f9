package dev.tollgate.device;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts in a map that never forgets, for tests. */
public final class InMemoryFailureCounter implements FailureCounter {

    final Map<String, Integer> counts = new ConcurrentHashMap<>();

    @Override
    public int count(String key) {
        return counts.getOrDefault(key, 0);
    }

    @Override
    public int increment(String key, Duration memory) {
        return counts.merge(key, 1, Integer::sum);
    }
}
