package dev.tollgate.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How JWT assertions are checked (RFC 7523 §3), both client assertions ({@code private_key_jwt},
 * {@code client_secret_jwt}, §2.2) and authorization grants ({@code jwt-bearer}, §2.1). Change the defaults with the
 * {@code with} methods: {@code AssertionSettings.DEFAULT.withClockSkew(Duration.ofSeconds(30))}.
 *
 * @param clockSkew           how far the clocks of the signer and this server may differ: an assertion is still
 *                            taken this long after its {@code exp}, and its {@code nbf} and {@code iat} may be this
 *                            far ahead (RFC 7519 §4.1.4: "some small leeway")
 * @param maxLifetime         how far ahead of now {@code exp} may be (plus the skew). RFC 7523 §3 only asks for an
 *                            {@code exp}; an assertion that lives long is one that can be stolen and used later, and
 *                            its {@code jti} would have to be remembered as long, so a longer one is refused
 * @param maxLength           the longest assertion read, in characters; longer ones are refused unparsed
 * @param signatureAlgorithms the public-key algorithms of {@code private_key_jwt} and of grant assertions
 *                            (RFC 7518 §3.3 to §3.5: the RSA and EC families)
 * @param macAlgorithms       the HMAC algorithms of {@code client_secret_jwt} (RFC 7518 §3.2)
 */
public record AssertionSettings(Duration clockSkew, Duration maxLifetime, int maxLength,
                                List<JWSAlgorithm> signatureAlgorithms, List<JWSAlgorithm> macAlgorithms) {

    /**
     * A skew of 60 seconds; {@code exp} at most 5 minutes ahead (the lifetime the Nimbus SDK gives its
     * assertions); 8 KB; RS256, PS256 and ES256 for signatures; HS256, HS384 and HS512 for MACs.
     */
    public static final AssertionSettings DEFAULT = new AssertionSettings(Duration.ofSeconds(60),
            Duration.ofMinutes(5), 8 * 1024, List.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256),
            List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512));

    /**
     * @throws IllegalArgumentException for a negative duration, a length below 1, no algorithm, or an algorithm
     *                                  outside its family (never {@code none}; never an HMAC among the signature
     *                                  algorithms, which would let a public key be used as an HMAC secret)
     */
    public AssertionSettings {
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        signatureAlgorithms = List.copyOf(signatureAlgorithms);
        macAlgorithms = List.copyOf(macAlgorithms);
        if (clockSkew.isNegative() || maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("The clock skew cannot be negative, the lifetime must be positive.");
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("The longest assertion must be at least one character.");
        }
        if (signatureAlgorithms.isEmpty() || macAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("At least one algorithm of each kind is needed.");
        }
        for (JWSAlgorithm algorithm : signatureAlgorithms) {
            if (!JWSAlgorithm.Family.RSA.contains(algorithm) && !JWSAlgorithm.Family.EC.contains(algorithm)) {
                throw new IllegalArgumentException("Not an RSA or EC signature algorithm: " + algorithm);
            }
        }
        for (JWSAlgorithm algorithm : macAlgorithms) {
            if (!JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
                throw new IllegalArgumentException("Not an HMAC algorithm: " + algorithm);
            }
        }
    }

    /**
     * How long a {@code jti} must be remembered: the longest an accepted assertion can still be used,
     * {@code maxLifetime} plus twice the skew. A {@link dev.tollgate.common.ReplayCache} that keeps keys a fixed
     * time (such as {@code JCacheReplayCache}) must keep them at least this long.
     */
    public Duration replayLifetime() {
        return maxLifetime.plus(clockSkew).plus(clockSkew);
    }

    public AssertionSettings withClockSkew(Duration skew) {
        return new AssertionSettings(skew, maxLifetime, maxLength, signatureAlgorithms, macAlgorithms);
    }

    public AssertionSettings withMaxLifetime(Duration lifetime) {
        return new AssertionSettings(clockSkew, lifetime, maxLength, signatureAlgorithms, macAlgorithms);
    }

    public AssertionSettings withMaxLength(int length) {
        return new AssertionSettings(clockSkew, maxLifetime, length, signatureAlgorithms, macAlgorithms);
    }

    public AssertionSettings withSignatureAlgorithms(List<JWSAlgorithm> algorithms) {
        return new AssertionSettings(clockSkew, maxLifetime, maxLength, algorithms, macAlgorithms);
    }

    public AssertionSettings withMacAlgorithms(List<JWSAlgorithm> algorithms) {
        return new AssertionSettings(clockSkew, maxLifetime, maxLength, signatureAlgorithms, algorithms);
    }
}
