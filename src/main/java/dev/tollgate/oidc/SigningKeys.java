package dev.tollgate.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Duration;
import java.util.List;

/**
 * The server's signing keys: one signs per algorithm at a time, and every key that signs, will sign or signed
 * what can still be presented is published in the JWK Set. {@link RotatingSigningKeys} keeps them in a store
 * that a cluster shares and rotates them; {@link KeyStoreSigningKeys} reads them from a PKCS#12 file.
 */
public interface SigningKeys {

    /** The algorithms offered, the default first. */
    List<JWSAlgorithm> algorithms();

    /**
     * The private key that signs with an algorithm now, with its {@code kid}.
     *
     * @throws IllegalArgumentException if the algorithm is not offered
     */
    JWK signingKey(JWSAlgorithm algorithm);

    /** The public keys relying parties verify with (RFC 7517 §5). */
    JWKSet publicKeys();

    /** How long a relying party may cache {@link #publicKeys()} and still know every key before it signs. */
    Duration jwkSetMaxAge();
}
