package dev.tollgate.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import java.util.Map;

/** Verifies assertion signatures through Nimbus JOSE+JWT, with public keys or an HMAC secret (RFC 7518 §3). */
final class Signatures {

    /** RFC 7518 §3.3: a key of 2048 bits or larger MUST be used with RS256 and PS256. */
    static final int MIN_RSA_BITS = 2048;

    /** RFC 7518 §3.2: a key of the same size as the hash output or larger MUST be used. */
    private static final Map<JWSAlgorithm, Integer> MIN_MAC_BYTES = Map.of(JWSAlgorithm.HS256, 32,
            JWSAlgorithm.HS384, 48, JWSAlgorithm.HS512, 64);

    private static final DefaultJWSVerifierFactory VERIFIERS = new DefaultJWSVerifierFactory();

    private Signatures() {
    }

    /**
     * The public keys of a set that may have signed a JWS with this header: chosen by {@code kid} when the header
     * has one, else every key of the algorithm's type; a key with a {@code use} other than {@code sig} or another
     * {@code alg} is left out (Nimbus' {@link JWKMatcher#forJWSHeader}), and so are RSA keys under 2048 bits. Only the
     * public parts are returned, and nothing for an HMAC {@code alg}: a public key is never used as an HMAC secret.
     */
    static List<JWK> candidates(JWKSet keys, JWSHeader header) {
        if (JWSAlgorithm.Family.HMAC_SHA.contains(header.getAlgorithm())) {
            return List.of();
        }
        JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
        if (matcher == null) {
            return List.of();
        }
        return keys.getKeys().stream()
                .filter(key -> key instanceof AsymmetricJWK)
                .filter(matcher::matches)
                .filter(key -> !(key instanceof RSAKey rsa) || rsa.size() >= MIN_RSA_BITS)
                .map(JWK::toPublicJWK)
                .toList();
    }

    /** Whether one of the public keys verifies the signature; the caller has checked the {@code alg}. */
    static boolean verify(SignedJWT jwt, List<JWK> keys) {
        for (JWK key : keys) {
            if (!(key instanceof AsymmetricJWK asymmetric)) {
                continue;
            }
            try {
                if (jwt.verify(VERIFIERS.createJWSVerifier(jwt.getHeader(), asymmetric.toPublicKey()))) {
                    return true;
                }
            } catch (JOSEException | IllegalStateException e) {
                // a key of another type or curve than the algorithm: try the next one
            }
        }
        return false;
    }

    /**
     * Whether the HMAC verifies with the secret (OpenID Connect Core §10.1: the octets of its UTF-8 form), which
     * must be at least as long as the hash (RFC 7518 §3.2); the caller has checked that the {@code alg} is an HMAC.
     */
    static boolean verifyMac(SignedJWT jwt, byte[] secret) {
        Integer minimum = MIN_MAC_BYTES.get(jwt.getHeader().getAlgorithm());
        if (minimum == null || secret.length < minimum) {
            return false;
        }
        try {
            return jwt.verify(new MACVerifier(secret));
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }
}
