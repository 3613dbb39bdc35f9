package dev.tollgate.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;

/**
 * Signs JWTs with the server's keys and verifies the server's own, through Nimbus JOSE+JWT; the verifiers of the
 * published keys are made once for each set of them ({@link PublishedVerifiers}).
 */
public final class Jwts {

    /** The longest JWT this server reads back (an {@code id_token_hint}): far above what it signs. */
    static final int MAX_LENGTH = 16 * 1024;

    private static final DefaultJWSSignerFactory SIGNERS = new DefaultJWSSignerFactory();

    private final SigningKeys keys;
    private final PublishedVerifiers verifiers;

    public Jwts(SigningKeys keys) {
        this.keys = keys;
        this.verifiers = new PublishedVerifiers(keys);
    }

    public SigningKeys keys() {
        return keys;
    }

    /** A JWT signed with the key that signs with the algorithm now, its {@code kid} in the header. */
    public String sign(JWSAlgorithm algorithm, JOSEObjectType type, JWTClaimsSet claims) {
        JWK key = keys.signingKey(algorithm);
        JWSHeader header = new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(type).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(SIGNERS.createJWSSigner(key, algorithm));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with " + algorithm, e);
        }
        return jwt.serialize();
    }

    /**
     * The claims of a JWT this server signed with a key it still publishes; expiry is the caller's to check.
     *
     * @throws ParseException if it is malformed, too long, signed by no published key, with another
     *                        algorithm than its key's, or its signature is wrong
     */
    public JWTClaimsSet verify(String token) throws ParseException {
        return verified(token).getJWTClaimsSet();
    }

    /**
     * The claims of an ID token this server signed, as {@link #verify} checks it, and typed as an ID token is
     * ({@code JWT} or untyped): never an RFC 9068 access token ({@code at+jwt}) offered as a hint (RFC 8725 §3.11).
     *
     * @throws ParseException as {@link #verify}, or for another type
     */
    public JWTClaimsSet verifyIdToken(String token) throws ParseException {
        SignedJWT jwt = verified(token);
        JOSEObjectType type = jwt.getHeader().getType();
        if (type != null && !JOSEObjectType.JWT.equals(type)) {
            throw new ParseException("Not an ID token: " + type, 0);
        }
        return jwt.getJWTClaimsSet();
    }

    /**
     * A JWT this server signed with a key it still publishes, with its header (whose {@code typ} the caller checks)
     * and its claims; expiry is the caller's to check.
     *
     * @throws ParseException as {@link #verify}
     */
    public SignedJWT verified(String token) throws ParseException {
        if (token.length() > MAX_LENGTH) {
            throw new ParseException("Too long", 0);
        }
        SignedJWT jwt = SignedJWT.parse(token);
        String kid = jwt.getHeader().getKeyID();
        JWSVerifier verifier = kid == null ? null
                : verifiers.verifier(kid, jwt.getHeader().getAlgorithm()).orElse(null);
        if (verifier == null) {
            throw new ParseException("Not signed by a key of this server", 0);
        }
        try {
            if (!jwt.verify(verifier)) {
                throw new ParseException("Bad signature", 0);
            }
        } catch (JOSEException e) {
            throw new ParseException("Cannot verify: " + e.getMessage(), 0);
        }
        return jwt;
    }
}
