package dev.tollgate.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Date;
import java.util.Set;

/** The asymmetric JWS algorithms Tollgate signs with, their keys and their hash (OpenID Connect Core §3.1.3.6). */
public final class SigningAlgorithms {

    /** RS256, PS256 and ES256 (RFC 7518 §3.1); with RSA keys of 2048 bits (§3.3). */
    public static final Set<JWSAlgorithm> SUPPORTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256,
            JWSAlgorithm.ES256);

    private static final int RSA_KEY_SIZE = 2048;

    private SigningAlgorithms() {
    }

    /** A new private signing key for an algorithm, with its {@code kid}, {@code use} and {@code alg}. */
    public static JWK generate(JWSAlgorithm algorithm, String kid, Date issuedAt) {
        try {
            if (JWSAlgorithm.ES256.equals(algorithm)) {
                return new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(algorithm).keyUse(KeyUse.SIGNATURE)
                        .issueTime(issuedAt).generate();
            }
            if (JWSAlgorithm.RS256.equals(algorithm) || JWSAlgorithm.PS256.equals(algorithm)) {
                return new RSAKeyGenerator(RSA_KEY_SIZE).keyID(kid).algorithm(algorithm).keyUse(KeyUse.SIGNATURE)
                        .issueTime(issuedAt).generate();
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a " + algorithm + " key", e);
        }
        throw new IllegalArgumentException("Unsupported signing algorithm " + algorithm);
    }

    /**
     * The left half of the hash of a value, base64url-encoded: {@code at_hash} and {@code c_hash} (Core
     * §3.1.3.6, §3.3.2.11), the hash being the one of the JWS algorithm (SHA-256 for the *256 ones).
     */
    public static String halfHash(JWSAlgorithm algorithm, String value) {
        String name = algorithm.getName();
        String digest = switch (name.substring(name.length() - 3)) {
            case "256" -> "SHA-256";
            case "384" -> "SHA-384";
            case "512" -> "SHA-512";
            default -> throw new IllegalArgumentException("No hash for " + algorithm);
        };
        try {
            byte[] hash = MessageDigest.getInstance(digest).digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(Arrays.copyOf(hash, hash.length / 2)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digest + " is part of every JRE", e);
        }
    }
}
