package dev.tollgate.jakarta.cache;

import dev.tollgate.oauth2.RevokedTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.cache.Cache;

/**
 * The deny-list of revoked access tokens in a JCache cache whose entries live as long as the longest access
 * token: a revocation on one node is seen at once by every node of a clustered provider (Payara's Hazelcast).
 */
public class JCacheRevokedTokens implements RevokedTokens {

    private final Cache<String, Boolean> cache;
    private final Duration lifetime;
    private final Clock clock;

    /** @param lifetime how long the cache keeps an entry: at least the longest access token lifetime */
    public JCacheRevokedTokens(Cache<String, Boolean> cache, Duration lifetime, Clock clock) {
        this.cache = cache;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public void deny(String accessTokenHash, Instant until) {
        if (until.isAfter(clock.instant().plus(lifetime))) {
            throw new IllegalArgumentException("A token revoked until " + until + " outlives the deny-list's "
                    + lifetime);
        }
        cache.putIfAbsent(accessTokenHash, Boolean.TRUE);
    }

    @Override
    public boolean isDenied(String accessTokenHash) {
        return cache.containsKey(accessTokenHash);
    }
}
