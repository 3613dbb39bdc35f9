package dev.tollgate.jwt;

import dev.tollgate.oauth2.RevokedTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deny-list in this JVM's memory, each entry dropped once its token has expired: for tests and a single node. A
 * cluster needs one that every node shares (a JCache cache), or a token revoked on one node stays usable on the
 * others until it expires.
 */
public final class InMemoryRevokedTokens implements RevokedTokens {

    private final Map<String, Instant> denied = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryRevokedTokens(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void deny(String accessTokenHash, Instant until) {
        Instant now = clock.instant();
        denied.values().removeIf(expiry -> !now.isBefore(expiry)); // expired tokens are refused anyway
        if (now.isBefore(until)) {
            denied.merge(accessTokenHash, until, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
        }
    }

    @Override
    public boolean isDenied(String accessTokenHash) {
        Instant until = denied.get(accessTokenHash);
        return until != null && clock.instant().isBefore(until);
    }

    /** How many tokens are denied now, for tests. */
    public int size() {
        Instant now = clock.instant();
        return (int) denied.values().stream().filter(now::isBefore).count();
    }
}
