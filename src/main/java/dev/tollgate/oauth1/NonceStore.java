package dev.tollgate.oauth1;

import java.time.Duration;

/** Remembers the nonces already used (RFC 5849 §3.3). */
@FunctionalInterface
public interface NonceStore {

    /**
     * Records a key if it is not already recorded, atomically (JCache: {@code putIfAbsent}; SQL: an insert
     * under a unique constraint), keeping it at least for {@code ttl}.
     *
     * @param key identifies the client, token, timestamp and nonce; built by the server
     * @return {@code true} if the key was new, {@code false} if it was already recorded
     */
    boolean recordIfAbsent(String key, Duration ttl);
}
