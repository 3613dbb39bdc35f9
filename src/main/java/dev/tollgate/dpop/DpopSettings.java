package dev.tollgate.dpop;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of DPoP (RFC 9449).
 *
 * @param algorithms    the proof algorithms accepted (§4.3 item 5: asymmetric only), announced as
 *                      {@code dpop_signing_alg_values_supported}
 * @param maxAge        how old a proof's {@code iat} may be (§11.1: a short window limits pre-generated proofs)
 * @param clockSkew     how far ahead of this server's clock a proof's {@code iat} may be
 * @param maxLength     the longest proof accepted, in characters
 * @param nonceRequired whether the token endpoint demands a server nonce in every proof (§8)
 * @param nonceLifetime how long a nonce works before the client is given a new one; each is valid for one or two
 *                      lifetimes
 */
public record DpopSettings(List<JWSAlgorithm> algorithms, Duration maxAge, Duration clockSkew, int maxLength,
                           boolean nonceRequired, Duration nonceLifetime) {

    /** RS256, PS256, ES256; proofs at most 60 seconds old, 60 seconds of skew; 8 KB; no nonce; nonces of 5 minutes. */
    public static final DpopSettings DEFAULT = new DpopSettings(List.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256,
            JWSAlgorithm.ES256), Duration.ofSeconds(60), Duration.ofSeconds(60), 8 * 1024, false,
            Duration.ofMinutes(5));

    /** @throws IllegalArgumentException for no algorithm, a symmetric one, or a duration or length out of range */
    public DpopSettings {
        algorithms = List.copyOf(algorithms);
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(nonceLifetime, "nonceLifetime");
        if (algorithms.isEmpty() || algorithms.stream().anyMatch(a -> !JWSAlgorithm.Family.SIGNATURE.contains(a))) {
            throw new IllegalArgumentException("DPoP needs asymmetric algorithms: " + algorithms); // §4.3 item 5
        }
        if (maxAge.isNegative() || maxAge.isZero() || clockSkew.isNegative() || maxLength < 1
                || nonceLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("Invalid DPoP settings");
        }
    }

    /** How long a proof's {@code jti} must be remembered: as long as the proof could be accepted. */
    public Duration replayLifetime() {
        return maxAge.plus(clockSkew).plus(clockSkew);
    }

    public DpopSettings withNonceRequired(boolean required) {
        return new DpopSettings(algorithms, maxAge, clockSkew, maxLength, required, nonceLifetime);
    }
}
