package dev.tollgate.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How signing keys are made and rotated. A new key is published at once and signs only after
 * {@code activationDelay}, so that relying parties that cache the JWK Set know it before they meet it; a key
 * that stopped signing stays published for {@code retention}, as long as anything it signed can be presented.
 *
 * @param algorithms      the JWS algorithms offered, one key each; the first is the default (RS256)
 * @param rotationPeriod  how often the scheduled rotation makes new keys
 * @param activationDelay how long a new key is published before it signs
 * @param retention       how long a replaced key stays published: at least the longest life of what it signed
 */
public record KeySettings(List<JWSAlgorithm> algorithms, Duration rotationPeriod, Duration activationDelay,
                          Duration retention) {

    /** RS256 (the default), ES256 and PS256; rotated every 30 days; a new key signs after an hour. */
    public static final KeySettings DEFAULT = new KeySettings(
            List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256), Duration.ofDays(30),
            Duration.ofHours(1), Duration.ofDays(1));

    /** How often a node reads the key store again, so that it publishes another node's new keys in time. */
    static final Duration LONGEST_RELOAD = Duration.ofMinutes(5);
    static final Duration SHORTEST_RELOAD = Duration.ofSeconds(1);

    public KeySettings {
        algorithms = List.copyOf(algorithms);
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("At least one signing algorithm is needed.");
        }
        for (JWSAlgorithm algorithm : algorithms) {
            if (!SigningAlgorithms.SUPPORTED.contains(algorithm)) {
                throw new IllegalArgumentException("Unsupported signing algorithm " + algorithm);
            }
        }
        if (!algorithms.contains(JWSAlgorithm.RS256)) {
            throw new IllegalArgumentException("RS256 must be offered (Discovery 1.0 §3).");
        }
        Objects.requireNonNull(rotationPeriod, "rotationPeriod");
        if (activationDelay.isNegative() || retention.isNegative()) {
            throw new IllegalArgumentException("Delays cannot be negative.");
        }
    }

    /** The algorithm of a client that registered none (OpenID Connect Registration §2: RS256). */
    public JWSAlgorithm defaultAlgorithm() {
        return algorithms.get(0);
    }

    /**
     * How long relying parties may cache the JWK Set: half the activation delay, so that with a node's reload
     * ({@link #reloadInterval()}, a quarter) a cached set always holds a key before it signs.
     */
    public Duration jwkSetMaxAge() {
        return activationDelay.dividedBy(2);
    }

    /**
     * How often a node reads the stored keys again: a quarter of the activation delay, at most 5 minutes, and at
     * least a second (with no delay at all, not on every signature).
     */
    public Duration reloadInterval() {
        Duration quarter = activationDelay.dividedBy(4);
        Duration bounded = quarter.compareTo(LONGEST_RELOAD) < 0 ? quarter : LONGEST_RELOAD;
        return bounded.compareTo(SHORTEST_RELOAD) > 0 ? bounded : SHORTEST_RELOAD;
    }

    public KeySettings withAlgorithms(List<JWSAlgorithm> newAlgorithms) {
        return new KeySettings(newAlgorithms, rotationPeriod, activationDelay, retention);
    }

    public KeySettings withRotationPeriod(Duration period) {
        return new KeySettings(algorithms, period, activationDelay, retention);
    }

    public KeySettings withActivationDelay(Duration delay) {
        return new KeySettings(algorithms, rotationPeriod, delay, retention);
    }

    public KeySettings withRetention(Duration newRetention) {
        return new KeySettings(algorithms, rotationPeriod, activationDelay, newRetention);
    }
}
