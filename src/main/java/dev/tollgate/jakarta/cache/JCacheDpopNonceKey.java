package dev.tollgate.jakarta.cache;

import java.security.SecureRandom;
import java.util.function.Supplier;
import javax.cache.Cache;

/**
 * The secret every node makes DPoP nonces with ({@code dev.tollgate.dpop.DpopNonces}), kept in a JCache cache so
 * that the cluster shares it without configuration: the first node to need one puts a random 256-bit key with
 * {@code putIfAbsent}, and every node reads the one that won. When the cache lets it expire, the next node makes a
 * new one: nonces made before are then refused once, and the clients are given new ones.
 */
public class JCacheDpopNonceKey implements Supplier<byte[]> {

    private static final String KEY = "dpop-nonce-key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cache<String, byte[]> cache;

    public JCacheDpopNonceKey(Cache<String, byte[]> cache) {
        this.cache = cache;
    }

    @Override
    public byte[] get() {
        byte[] key = cache.get(KEY);
        if (key != null) {
            return key;
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        cache.putIfAbsent(KEY, fresh);
        byte[] winner = cache.get(KEY);
        return winner != null ? winner : fresh;
    }
}
