package dev.tollgate.device;

import java.time.Duration;

/**
 * Counts failures by key for a while, for a cluster as a whole (e.g. wrong user codes by session and by address,
 * RFC 8628 §5.1). Keys are hashed by the caller.
 */
public interface FailureCounter {

    /** The failures counted for {@code key}, 0 when none or forgotten. */
    int count(String key);

    /**
     * Counts one more failure for {@code key}, atomically; failures are forgotten {@code memory} after they began
     * to be counted (or later).
     *
     * @return the count with this one
     */
    int increment(String key, Duration memory);
}
