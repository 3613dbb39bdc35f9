package dev.tollgate.par;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushed requests in this JVM only: for one node and for tests. Expired entries are dropped as new ones come, so the
 * map holds at most what one lifetime of pushes leaves.
 */
public final class InMemoryPushedRequestStore implements PushedRequestStore {

    private final Map<String, PushedRequest> requests = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryPushedRequestStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void save(String requestUriHash, PushedRequest request, Duration lifetime) {
        requests.values().removeIf(kept -> !clock.instant().isBefore(kept.expiresAt()));
        requests.put(requestUriHash, request);
    }

    @Override
    public Optional<PushedRequest> find(String requestUriHash) {
        return Optional.ofNullable(requests.get(requestUriHash));
    }

    @Override
    public boolean remove(String requestUriHash) {
        return requests.remove(requestUriHash) != null;
    }
}
