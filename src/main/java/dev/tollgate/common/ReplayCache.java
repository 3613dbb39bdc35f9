package dev.tollgate.common;

import java.time.Duration;

/**
 * Remembers what may be used once for as long as it could be replayed: OAuth 1 nonces (RFC 5849 §3.3), and
 * the {@code jti} of JWTs and DPoP proofs (RFC 7523 §3, RFC 9449 §11.1).
 */
@FunctionalInterface
public interface ReplayCache {

    /**
     * Records a key if it is not already recorded, atomically (JCache: {@code putIfAbsent}; SQL: an insert
     * under a unique constraint), keeping it at least for {@code lifetime}.
     *
     * @param key identifies what was used, e.g. the client, token, timestamp and nonce
     * @return {@code true} if the key was new (first use), {@code false} if it was already recorded (a replay)
     */
    boolean recordIfAbsent(String key, Duration lifetime);
}
