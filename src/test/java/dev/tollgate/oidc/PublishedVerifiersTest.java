package dev.tollgate.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verifiers {@link Jwts} keeps: one for each published key, made again when the published keys change, and
 * none for a key that is not published, or for another algorithm than its key's.
 */
class PublishedVerifiersTest {

    private static final JWSAlgorithm RS256 = JWSAlgorithm.RS256;
    // RSA keys are slow to make: these two once for the class, the same kid for two different keys
    private static final RSAKey FIRST = rsa("k1");
    private static final RSAKey SECOND = rsa("k1");

    private final Published keys = new Published();
    private final JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("alice").build();

    @Test
    void oneVerifierServesAPublishedKeyUntilThePublishedKeysChange() {
        keys.publish(FIRST);
        PublishedVerifiers verifiers = new PublishedVerifiers(keys);
        JWSVerifier verifier = verifiers.verifier("k1", RS256).orElseThrow();
        assertSame(verifier, verifiers.verifier("k1", RS256).orElseThrow(), "not made again for the same keys");
        keys.publish(SECOND);
        assertNotSame(verifier, verifiers.verifier("k1", RS256).orElseThrow(), "made again for another key");
    }

    @Test
    void aKeyNoLongerPublishedVerifiesNothing() throws ParseException {
        keys.publish(FIRST);
        Jwts jwts = new Jwts(keys);
        String token = jwts.sign(RS256, JOSEObjectType.JWT, claims);
        assertEquals("alice", jwts.verify(token).getSubject());
        keys.publish();
        assertThrows(ParseException.class, () -> jwts.verify(token));
    }

    @Test
    void anotherKeyUnderAKnownKidVerifiesWhatItSignedAndNotWhatTheOldKeySigned() throws ParseException {
        keys.publish(FIRST);
        Jwts jwts = new Jwts(keys);
        String old = jwts.sign(RS256, JOSEObjectType.JWT, claims);
        assertEquals("alice", jwts.verify(old).getSubject());
        keys.publish(SECOND);
        String current = jwts.sign(RS256, JOSEObjectType.JWT, claims);
        assertEquals("alice", jwts.verify(current).getSubject());
        assertThrows(ParseException.class, () -> jwts.verify(old));
    }

    @Test
    void aKeyVerifiesOnlyWithItsOwnAlgorithm() {
        keys.publish(FIRST);
        PublishedVerifiers verifiers = new PublishedVerifiers(keys);
        assertTrue(verifiers.verifier("k1", JWSAlgorithm.PS256).isEmpty());
        assertTrue(verifiers.verifier("k2", RS256).isEmpty(), "an unknown kid");
    }

    @Test
    void aKeyWithoutAlgVerifiesNothing() {
        keys.publish(new RSAKey.Builder(FIRST).algorithm(null).build());
        assertTrue(new PublishedVerifiers(keys).verifier("k1", RS256).isEmpty());
    }

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).algorithm(RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys the test publishes; the first signs; each call to {@link #publicKeys} makes new JWK objects. */
    private static final class Published implements SigningKeys {

        private volatile List<JWK> keys = List.of();

        void publish(JWK... published) {
            keys = List.of(published);
        }

        @Override
        public List<JWSAlgorithm> algorithms() {
            return List.of(RS256);
        }

        @Override
        public JWK signingKey(JWSAlgorithm algorithm) {
            return keys.get(0);
        }

        @Override
        public JWKSet publicKeys() {
            return new JWKSet(keys.stream().map(JWK::toPublicJWK).toList());
        }

        @Override
        public Duration jwkSetMaxAge() {
            return Duration.ofMinutes(5);
        }
    }
}
