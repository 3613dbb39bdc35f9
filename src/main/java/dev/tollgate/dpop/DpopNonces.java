package dev.tollgate.dpop;

import com.nimbusds.jose.util.Base64URL;
import dev.tollgate.common.Secrets;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server nonces for DPoP proofs (RFC 9449 §8), without state: a nonce is an HMAC of the current period (a
 * {@link DpopSettings#nonceLifetime()} of time) under a key that every node shares, so that a nonce one node gave is
 * accepted by all, for the period it was made in and the next. A new key makes every earlier nonce invalid: the
 * client is answered {@code use_dpop_nonce} with a fresh one and tries again.
 */
public final class DpopNonces {

    private static final String HMAC = "HmacSHA256";
    /** 128 bits of the HMAC: unforgeable without the key. */
    private static final int LENGTH = 16;

    private final Supplier<byte[]> key;
    private final Duration lifetime;
    private final Clock clock;

    /** @param key the shared secret, at least 32 bytes, looked up on each use so that it can change */
    public DpopNonces(Supplier<byte[]> key, Duration lifetime, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The nonce of the current period. */
    public String current() {
        return nonce(key.get(), period());
    }

    /** Whether the nonce is the current period's or the previous one's. */
    public boolean isValid(String nonce) {
        byte[] secret = key.get();
        long period = period();
        return Secrets.constantTimeEquals(nonce(secret, period), nonce)
                | Secrets.constantTimeEquals(nonce(secret, period - 1), nonce);
    }

    private long period() {
        return clock.millis() / lifetime.toMillis();
    }

    private static String nonce(byte[] secret, long period) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            byte[] digest = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(period).array());
            return Base64URL.encode(Arrays.copyOf(digest, LENGTH)).toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
