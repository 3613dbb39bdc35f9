package dev.tollgate.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.oidc.OpenIdFixture.KeyStoreInMemory;
import dev.tollgate.testing.MutableClock;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rotation of the signing keys a cluster shares (the rules of {@link KeySettings}). */
class RotatingSigningKeysTest {

    private static final JWSAlgorithm RS256 = JWSAlgorithm.RS256;

    // small numbers to tell the phases apart: a key signs an hour after it is made, stays a day after it stops
    private static final KeySettings SETTINGS = KeySettings.DEFAULT.withAlgorithms(List.of(RS256));
    private static final Duration DELAY = SETTINGS.activationDelay();
    private static final Duration RETENTION = SETTINGS.retention();
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final KeyStoreInMemory store = new KeyStoreInMemory();
    private final RotatingSigningKeys keys = new RotatingSigningKeys(SETTINGS, store, KeyEncryption.NONE, clock);

    private Set<String> publishedKids() {
        return publishedKids(keys);
    }

    private static Set<String> publishedKids(SigningKeys keys) {
        return keys.publicKeys().getKeys().stream().map(JWK::getKeyID).collect(Collectors.toSet());
    }

    private String signerKid() {
        return keys.signingKey(RS256).getKeyID();
    }

    /** The kid of the key made by the latest rotation. */
    private String newestKid() {
        return store.findAll().stream().max((a, b) -> a.createdAt().compareTo(b.createdAt()) != 0
                ? a.createdAt().compareTo(b.createdAt()) : a.activatesAt().compareTo(b.activatesAt()))
                .orElseThrow().kid();
    }

    @Test
    void theFirstKeySignsAtOnceAndIsPublished() {
        JWK first = keys.signingKey(RS256);
        assertTrue(first.isPrivate());
        assertEquals(1, store.keys.size());
        StoredSigningKey stored = store.keys.get(first.getKeyID());
        assertEquals(clock.instant(), stored.activatesAt(), "no relying party can hold a set without it");
        assertEquals("RS256", stored.algorithm());
        assertEquals(Set.of(first.getKeyID()), publishedKids());
        assertEquals(first.getKeyID(), signerKid(), "the same key on the next call, not another first key");
        assertEquals(1, store.keys.size());
    }

    @Test
    void aRotatedKeyIsPublishedAtOnceButSignsOnlyAfterTheActivationDelay() {
        String first = signerKid();
        clock.advance(Duration.ofDays(2));
        keys.rotate();
        String next = newestKid();
        assertNotEquals(first, next);
        assertEquals(Set.of(first, next), publishedKids(), "published before it signs");
        assertEquals(first, signerKid());
        clock.advance(DELAY.minus(SECOND));
        assertEquals(first, signerKid(), "not a second early");
        clock.advance(SECOND);
        assertEquals(next, signerKid(), "signs once the activation delay has passed");
        assertEquals(Set.of(first, next), publishedKids(), "the replaced key is still published");
    }

    @Test
    void theReplacedKeyStaysPublishedForTheRetentionThenIsDeletedOnTheNextRotation() {
        String first = signerKid();
        keys.rotate();
        String next = newestKid();
        clock.advance(DELAY.plus(RETENTION).minus(SECOND));
        assertTrue(publishedKids().contains(first), "the new key has not signed for the retention period yet");
        clock.advance(SECOND);
        assertEquals(Set.of(next), publishedKids(), "gone once the new key has signed for the retention period");
        assertTrue(store.keys.containsKey(first), "deleted by a rotation, not by reading");
        keys.rotate();
        assertFalse(store.keys.containsKey(first));
        assertEquals(List.of(first), store.deleted, "only the key nothing can be presented with any more");
        assertTrue(store.keys.containsKey(next));
    }

    @Test
    void aRotationDeletesNothingStillPublished() {
        signerKid();
        keys.rotate();
        clock.advance(DELAY);
        keys.rotate();
        assertTrue(store.deleted.isEmpty(), "every key is still within its retention: " + store.deleted);
        assertEquals(3, store.keys.size());
        assertEquals(3, publishedKids().size());
    }

    @Test
    void rotateIfDueRotatesOnlyOnceTheRotationPeriodHasPassed() {
        String first = signerKid();
        clock.advance(SETTINGS.rotationPeriod().minus(SECOND));
        assertFalse(keys.rotateIfDue());
        assertEquals(1, store.keys.size());
        clock.advance(SECOND);
        assertTrue(keys.rotateIfDue());
        assertEquals(2, store.keys.size());
        assertFalse(keys.rotateIfDue(), "the new key is the newest now: not due again");
        assertEquals(2, store.keys.size());
        assertEquals(first, signerKid());
    }

    @Test
    void rotateIfDueMakesNoKeyForAnEmptyStore() {
        assertFalse(keys.rotateIfDue());
        assertTrue(store.keys.isEmpty());
    }

    @Test
    void aTokenSignedBeforeARotationStillVerifiesUntilItsKeyIsRetired() throws ParseException {
        Jwts jwts = new Jwts(keys);
        String token = jwts.sign(RS256, JOSEObjectType.JWT, new JWTClaimsSet.Builder().subject("alice").build());
        keys.rotate();
        clock.advance(DELAY.plus(Duration.ofHours(1)));
        assertNotEquals(SignedJWT.parse(token).getHeader().getKeyID(), signerKid(), "the new key signs now");
        assertEquals("alice", jwts.verify(token).getSubject());
        clock.advance(RETENTION);
        assertThrows(ParseException.class, () -> jwts.verify(token), "its key is no longer published");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "PS256"})
    void eachOfferedAlgorithmHasAKeyWithKidAlgAndUse(String name) throws ParseException {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
        RotatingSigningKeys all = new RotatingSigningKeys(KeySettings.DEFAULT, store, KeyEncryption.NONE, clock);
        JWK key = all.signingKey(algorithm);
        assertNotNull(key.getKeyID());
        assertEquals(algorithm, key.getAlgorithm());
        assertEquals(KeyUse.SIGNATURE, key.getKeyUse());
        if (algorithm == JWSAlgorithm.ES256) {
            assertEquals(com.nimbusds.jose.jwk.Curve.P_256, ((ECKey) key).getCurve());
        } else {
            assertEquals(2048, ((RSAKey) key).size());
        }
        JWK published = all.publicKeys().getKeyByKeyId(key.getKeyID());
        assertNotNull(published);
        assertEquals(algorithm, published.getAlgorithm());
        assertEquals(KeyUse.SIGNATURE, published.getKeyUse());
        Jwts jwts = new Jwts(all);
        String token = jwts.sign(algorithm, JOSEObjectType.JWT, new JWTClaimsSet.Builder().subject("s").build());
        assertEquals(algorithm, SignedJWT.parse(token).getHeader().getAlgorithm());
        assertEquals(key.getKeyID(), SignedJWT.parse(token).getHeader().getKeyID());
        assertEquals("s", jwts.verify(token).getSubject());
    }

    @Test
    void anAlgorithmNotOfferedHasNoKey() {
        assertThrows(IllegalArgumentException.class, () -> keys.signingKey(JWSAlgorithm.ES256));
        assertThrows(IllegalArgumentException.class, () -> keys.signingKey(JWSAlgorithm.HS256));
        assertTrue(store.keys.isEmpty());
    }

    @Test
    void publicKeysHoldNoPrivatePart() {
        RotatingSigningKeys all = new RotatingSigningKeys(KeySettings.DEFAULT, store, KeyEncryption.NONE, clock);
        KeySettings.DEFAULT.algorithms().forEach(all::signingKey);
        all.rotate();
        assertEquals(6, all.publicKeys().getKeys().size());
        for (JWK key : all.publicKeys().getKeys()) {
            assertFalse(key.isPrivate(), key.getKeyID());
            for (String member : List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k")) {
                assertFalse(key.toJSONObject().containsKey(member), member + " in " + key.getKeyID());
            }
        }
        assertFalse(all.publicKeys().toString(false).contains("\"d\""));
    }

    @ParameterizedTest
    @ValueSource(longs = {60, 600, 3600, 7200, 86_400, 30 * 86_400})
    void aCachedJwkSetAlwaysHoldsAKeyBeforeItSigns(long delaySeconds) {
        // a node reads the store every reloadInterval, a relying party caches for jwkSetMaxAge: together less
        // than the activation delay, so that every relying party knows a key before anything it signed arrives
        KeySettings settings = KeySettings.DEFAULT.withActivationDelay(Duration.ofSeconds(delaySeconds));
        assertTrue(settings.jwkSetMaxAge().plus(settings.reloadInterval()).compareTo(settings.activationDelay()) < 0,
                settings.toString());
        assertTrue(settings.reloadInterval().compareTo(Duration.ofMinutes(5)) <= 0);
        assertTrue(!settings.reloadInterval().isNegative() && !settings.reloadInterval().isZero());
        assertEquals(settings.jwkSetMaxAge(),
                new RotatingSigningKeys(settings, store, KeyEncryption.NONE, clock).jwkSetMaxAge());
    }

    @Test
    void anotherNodePublishesTheNewKeyWithinItsReloadIntervalBeforeTheKeySigns() {
        RotatingSigningKeys other = new RotatingSigningKeys(SETTINGS, store, KeyEncryption.NONE, clock);
        String first = signerKid();
        assertEquals(first, other.signingKey(RS256).getKeyID(), "the other node signs with the stored key");
        assertEquals(1, store.keys.size(), "and makes no first key of its own");
        assertEquals(Set.of(first), publishedKids(other));
        keys.rotate();
        String next = newestKid();
        assertEquals(Set.of(first), publishedKids(other), "not read again yet");
        clock.advance(SETTINGS.reloadInterval());
        assertEquals(Set.of(first, next), publishedKids(other), "read again after the reload interval");
        assertTrue(SETTINGS.reloadInterval().compareTo(DELAY) < 0);
        assertEquals(first, other.signingKey(RS256).getKeyID());
        clock.advance(DELAY);
        assertEquals(next, other.signingKey(RS256).getKeyID(), "both nodes sign with the new key");
        assertEquals(next, signerKid());
    }

    @Test
    void twoNodesStartingTogetherSignWithTheSameKey() {
        // each finds the store empty and makes a first key: both then agree on one (ties broken by kid)
        RotatingSigningKeys other = new RotatingSigningKeys(SETTINGS, store, KeyEncryption.NONE, clock);
        store.save(new StoredSigningKey("zzz-other-node", "RS256", KeyEncryption.NONE.seal(
                SigningAlgorithms.generate(RS256, "zzz-other-node", new java.util.Date())), clock.instant(),
                clock.instant()));
        String mine = signerKid();
        clock.advance(SETTINGS.reloadInterval());
        assertEquals(other.signingKey(RS256).getKeyID(), keys.signingKey(RS256).getKeyID());
        assertTrue(publishedKids().contains(mine));
    }

    @Test
    void keysSealedWithADeploymentKeyCannotBeReadWithAnother() {
        KeyEncryption sealing = KeyEncryption.withKey(KeyEncryptionTest.KEY);
        RotatingSigningKeys sealed = new RotatingSigningKeys(SETTINGS, store, sealing, clock);
        JWK key = sealed.signingKey(RS256);
        StoredSigningKey stored = store.keys.get(key.getKeyID());
        assertEquals(5, stored.sealedKey().split("\\.", -1).length, "a JWE");
        assertFalse(stored.sealedKey().contains(((RSAKey) key).getPrivateExponent().toString()));
        RotatingSigningKeys wrong = new RotatingSigningKeys(SETTINGS, store,
                KeyEncryption.withKey(KeyEncryptionTest.OTHER_KEY), clock);
        assertThrows(IllegalStateException.class, wrong::publicKeys);
        RotatingSigningKeys none = new RotatingSigningKeys(SETTINGS, store, KeyEncryption.NONE, clock);
        assertThrows(IllegalStateException.class, () -> none.signingKey(RS256), "fails loudly, makes no new key");
        assertEquals(1, store.keys.size());
    }

    @Test
    void storedSigningKeyToStringNeverShowsTheKey() {
        JWK key = keys.signingKey(RS256);
        StoredSigningKey stored = store.keys.get(key.getKeyID());
        String text = stored.toString();
        assertTrue(text.contains(key.getKeyID()));
        assertFalse(text.contains(stored.sealedKey()));
        assertFalse(text.contains(((RSAKey) key).getPrivateExponent().toString()));
        assertFalse(text.contains("\"d\""));
    }
}
