package dev.tollgate.jakarta.oidc;

import static dev.tollgate.common.JsonSupport.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.tollgate.common.Secrets;
import dev.tollgate.jakarta.oauth2.JpaOAuth2ClientStore;
import dev.tollgate.jakarta.oauth2.JpaTokenStore;
import dev.tollgate.jakarta.oauth2.OAuth2ClientEntity;
import dev.tollgate.oauth2.IssuedToken;
import dev.tollgate.oauth2.OAuth2Token;
import dev.tollgate.oidc.Consent;
import dev.tollgate.oidc.Jwts;
import dev.tollgate.oidc.KeyEncryption;
import dev.tollgate.oidc.KeySettings;
import dev.tollgate.oidc.OpenIdClient;
import dev.tollgate.oidc.RotatingSigningKeys;
import dev.tollgate.oidc.StoredSigningKey;
import dev.tollgate.testing.Databases;
import dev.tollgate.testing.MutableClock;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.StringReader;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Tollgate's OpenID Connect entities and JPA stores (signing keys, consents) and the OpenID columns of the OAuth 2.0
 * entities (client metadata, response types with spaces, a token's auth_time and attributes), on H2 and on a real
 * PostgreSQL server.
 */
class JpaOpenIdStoresTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final JWSAlgorithm RS256 = JWSAlgorithm.RS256;
    private static final JWSAlgorithm ES256 = JWSAlgorithm.ES256;
    /** The deployment's key encryption key: bytes 0 to 31, base64url. */
    private static final KeyEncryption SEALING = KeyEncryption.withKey("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8");
    /** RS256 and ES256 (quick to make); a key signs an hour after it is made and stays a day after it stops. */
    private static final KeySettings KEYS = KeySettings.DEFAULT.withAlgorithms(List.of(RS256, ES256));

    @Test
    void onH2() throws Exception {
        exercise(() -> Databases.h2("tollgate-local"));
    }

    @Test
    void onPostgres() throws Exception {
        exercise(() -> Databases.postgres("tollgate-local"));
    }

    private static void exercise(Supplier<EntityManagerFactory> factory) throws Exception {
        EntityManagerFactory emf = factory.get();
        try {
            signingKeysAreSealedRotatedAndSharedBetweenNodes(emf);
            consents(emf);
            consentsOfUnusualSubjectsAndClientsStayApart(emf);
            clientMetadataAndResponseTypes(emf);
            tokensKeepAuthTimeAndAttributes(emf);
        } finally {
            emf.close();
        }
    }

    // ---------------------------------------------------------------- signing keys

    private static void signingKeysAreSealedRotatedAndSharedBetweenNodes(EntityManagerFactory emf) throws Exception {
        MutableClock clock = new MutableClock(NOW);
        EntityManager em = emf.createEntityManager();
        EntityManager otherEm = emf.createEntityManager();
        RotatingSigningKeys node = new RotatingSigningKeys(KEYS, new JpaSigningKeyStore(em), SEALING, clock);
        RotatingSigningKeys otherNode = new RotatingSigningKeys(KEYS, new JpaSigningKeyStore(otherEm), SEALING,
                clock);
        Jwts jwts = new Jwts(node);
        Jwts otherJwts = new Jwts(otherNode);

        // first use: one key per algorithm, made, stored sealed, signing at once
        assertTrue(node.publicKeys().getKeys().isEmpty(), "nothing is made before it is needed");
        JWK firstRs = inTransaction(em, () -> node.signingKey(RS256));
        JWK firstEs = inTransaction(em, () -> node.signingKey(ES256));
        assertTrue(firstRs.isPrivate());
        assertEquals(Set.of(firstRs.getKeyID(), firstEs.getKeyID()), storedKids(emf));
        assertEquals(firstRs.getKeyID(), node.signingKey(RS256).getKeyID(), "not another first key");
        Map<String, String> sealed = sealedKeys(emf);
        assertEquals(2, sealed.size());
        Map<String, String> privateParts = Map.of(firstRs.getKeyID(), privatePart(firstRs),
                firstEs.getKeyID(), privatePart(firstEs));
        sealed.forEach((kid, value) -> {
            assertFalse(value.startsWith("{"), "not JWK JSON: " + kid);
            assertFalse(value.contains("\"d\""), "no plain private exponent: " + kid);
            assertFalse(value.contains(privateParts.get(kid)), "the private part is nowhere in the column: " + kid);
            assertEquals(5, value.split("\\.", -1).length, "a compact JWE");
            assertEquals(kid, jweKid(value), "sealed for its own row");
        });

        String signedBefore = jwts.sign(RS256, JOSEObjectType.JWT, claims("signed before the rotation"));
        assertEquals("signed before the rotation", otherJwts.verify(signedBefore).getSubject(),
                "the other node reads the same table");
        assertEquals(Set.of(firstRs.getKeyID(), firstEs.getKeyID()), publishedKids(otherNode));

        // a rotation publishes new keys at once on this node; they sign after the activation delay
        inTransaction(em, () -> {
            node.rotate();
            return null;
        });
        Set<String> afterRotation = storedKids(emf);
        assertEquals(4, afterRotation.size());
        assertEquals(afterRotation, publishedKids(node), "new keys are published at once");
        assertEquals(firstRs.getKeyID(), node.signingKey(RS256).getKeyID(), "the new key does not sign yet");
        assertEquals(firstEs.getKeyID(), node.signingKey(ES256).getKeyID());
        assertEquals("signed before the rotation", jwts.verify(signedBefore).getSubject());
        String newRs = newestKid(emf, RS256);
        String newEs = newestKid(emf, ES256);
        assertNotEquals(firstRs.getKeyID(), newRs);
        assertFalse(sealedKeys(emf).get(newRs).contains("\"d\""), "the new key is sealed too");

        // the other node: its keys are read again after the reload interval, well before the new key signs
        assertFalse(publishedKids(otherNode).contains(newRs), "still the other node's earlier reading");
        clock.advance(KEYS.reloadInterval());
        assertEquals(afterRotation, publishedKids(otherNode), "the other node publishes the new keys in time");
        assertEquals(firstRs.getKeyID(), otherNode.signingKey(RS256).getKeyID());
        assertEquals(firstRs.getKeyID(), node.signingKey(RS256).getKeyID());

        clock.advance(KEYS.activationDelay().minus(KEYS.reloadInterval()).minusSeconds(1));
        assertEquals(firstRs.getKeyID(), node.signingKey(RS256).getKeyID(), "a second before activation");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(newRs, node.signingKey(RS256).getKeyID(), "signs once the activation delay has passed");
        assertEquals(newEs, node.signingKey(ES256).getKeyID());
        assertEquals(newRs, otherNode.signingKey(RS256).getKeyID(), "on both nodes");
        String signedAfter = jwts.sign(RS256, JOSEObjectType.JWT, claims("signed after the activation"));
        assertEquals("signed after the activation", otherJwts.verify(signedAfter).getSubject());
        assertEquals("signed before the rotation", jwts.verify(signedBefore).getSubject(), "the old key stays");
        assertEquals("signed before the rotation", otherJwts.verify(signedBefore).getSubject());

        // after the retention the old keys are no longer published; the next rotation deletes their rows
        clock.advance(KEYS.retention().minusSeconds(1));
        assertTrue(publishedKids(node).contains(firstRs.getKeyID()), "a second before the end of the retention");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Set.of(newRs, newEs), publishedKids(node));
        assertThrows(ParseException.class, () -> jwts.verify(signedBefore), "its key is no longer published");
        assertEquals(afterRotation, storedKids(emf), "still stored until the next rotation");
        inTransaction(em, () -> {
            node.rotate();
            return null;
        });
        Set<String> afterSecondRotation = storedKids(emf);
        assertEquals(4, afterSecondRotation.size());
        assertFalse(afterSecondRotation.contains(firstRs.getKeyID()), "deleted");
        assertFalse(afterSecondRotation.contains(firstEs.getKeyID()), "deleted");
        assertTrue(afterSecondRotation.containsAll(Set.of(newRs, newEs)), "still signing");
        assertEquals(afterSecondRotation, publishedKids(node));
        clock.advance(KEYS.reloadInterval());
        assertEquals(afterSecondRotation, publishedKids(otherNode), "the other node forgets the deleted keys");
        assertThrows(ParseException.class, () -> otherJwts.verify(signedBefore));
        assertEquals("signed after the activation", otherJwts.verify(signedAfter).getSubject());

        // a sealed value copied into another row does not open there
        String newestRs = newestKid(emf, RS256);
        Map<String, String> values = sealedKeys(emf);
        setSealedKey(emf, newestRs, values.get(newRs));
        EntityManager thirdEm = emf.createEntityManager();
        RotatingSigningKeys thirdNode = new RotatingSigningKeys(KEYS, new JpaSigningKeyStore(thirdEm), SEALING,
                clock);
        IllegalStateException refused = assertThrows(IllegalStateException.class, thirdNode::publicKeys);
        assertTrue(refused.getMessage().contains(newestRs), refused.getMessage());
        setSealedKey(emf, newestRs, values.get(newestRs));
        thirdEm.clear(); // a container's persistence context ends with the call; this one holds the copied value
        assertEquals(afterSecondRotation, publishedKids(thirdNode), "its own sealed value opens again");
        assertEquals(newRs, thirdNode.signingKey(RS256).getKeyID());

        em.close();
        otherEm.close();
        thirdEm.close();
    }

    private static JWTClaimsSet claims(String subject) {
        return new JWTClaimsSet.Builder().issuer("https://op.example").subject(subject).audience("rp")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(600))).build();
    }

    private static Set<String> publishedKids(RotatingSigningKeys keys) {
        return keys.publicKeys().getKeys().stream().map(JWK::getKeyID).collect(Collectors.toSet());
    }

    private static String privatePart(JWK key) {
        return (String) key.toJSONObject().get("d");
    }

    private static String jweKid(String sealed) {
        try {
            return JWEObject.parse(sealed).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new AssertionError("not a JWE", e);
        }
    }

    /** The table as it is, read in a new entity manager. */
    private static List<StoredSigningKey> stored(EntityManagerFactory emf) {
        EntityManager em = emf.createEntityManager();
        try {
            return new JpaSigningKeyStore(em).findAll();
        } finally {
            em.close();
        }
    }

    private static Set<String> storedKids(EntityManagerFactory emf) {
        return stored(emf).stream().map(StoredSigningKey::kid).collect(Collectors.toSet());
    }

    private static String newestKid(EntityManagerFactory emf, JWSAlgorithm algorithm) {
        return stored(emf).stream().filter(key -> key.algorithm().equals(algorithm.getName()))
                .max((a, b) -> a.activatesAt().compareTo(b.activatesAt())).orElseThrow().kid();
    }

    /** The SEALED_KEY column of every row, read with SQL. */
    private static Map<String, String> sealedKeys(EntityManagerFactory emf) {
        EntityManager em = emf.createEntityManager();
        try {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT KID, SEALED_KEY FROM TOLLGATE_SIGNING_KEY")
                    .getResultList();
            return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
        } finally {
            em.close();
        }
    }

    /** What someone who can write the table does; the store reads past the shared cache, so it is not evicted. */
    private static void setSealedKey(EntityManagerFactory emf, String kid, String value) {
        EntityManager em = emf.createEntityManager();
        try {
            assertEquals(1, (int) inTransaction(em, () -> em.createNativeQuery(
                            "UPDATE TOLLGATE_SIGNING_KEY SET SEALED_KEY = ?1 WHERE KID = ?2")
                    .setParameter(1, value).setParameter(2, kid).executeUpdate()));
        } finally {
            em.close();
        }
    }

    // ---------------------------------------------------------------- consents

    private static void consents(EntityManagerFactory emf) {
        EntityManager em = emf.createEntityManager();
        JpaConsentStore store = new JpaConsentStore(em);
        inTransaction(em, () -> {
            store.save(new Consent("alice", "beta", Set.of("openid"), NOW));
            store.save(new Consent("alice", "gamma", Set.of("openid", "email"), NOW));
            store.save(new Consent("alice", "alpha", Set.of("openid", "profile"), NOW));
            store.save(new Consent("bob", "beta", Set.of("openid", "phone"), NOW));
            return null;
        });
        em.clear();
        assertEquals(new Consent("alice", "beta", Set.of("openid"), NOW), store.find("alice", "beta").orElseThrow());
        assertEquals(Set.of("openid", "phone"), store.find("bob", "beta").orElseThrow().scope());
        assertTrue(store.find("alice", "delta").isEmpty());
        assertTrue(store.find("carol", "beta").isEmpty());

        // saved again with more scope: the row is replaced, not added to
        inTransaction(em, () -> {
            store.save(new Consent("alice", "beta", Set.of("openid", "profile", "email"), NOW.plusSeconds(60)));
            return null;
        });
        em.clear();
        assertEquals(new Consent("alice", "beta", Set.of("openid", "profile", "email"), NOW.plusSeconds(60)),
                store.find("alice", "beta").orElseThrow());
        assertTrue(store.find("alice", "beta").orElseThrow().covers(Set.of("openid", "email")));
        assertEquals(List.of("alpha", "beta", "gamma"), clientIds(store.findBySubject("alice")), "by client id");
        assertEquals(List.of("beta"), clientIds(store.findBySubject("bob")));
        assertEquals(List.of(), store.findBySubject("carol"));

        assertTrue(inTransaction(em, () -> store.delete("alice", "beta")));
        assertFalse(inTransaction(em, () -> store.delete("alice", "beta")));
        assertFalse(inTransaction(em, () -> store.delete("alice", "no-such-client")));
        em.clear();
        assertTrue(store.find("alice", "beta").isEmpty());
        assertEquals(List.of("alpha", "gamma"), clientIds(store.findBySubject("alice")));
        assertEquals(Set.of("openid", "phone"), store.find("bob", "beta").orElseThrow().scope(), "bob's stays");
        em.close();
    }

    private static void consentsOfUnusualSubjectsAndClientsStayApart(EntityManagerFactory emf) {
        List<String> subjects = List.of("Zoë Ångström 用户 🙂", "o'brien\"; DROP TABLE TOLLGATE_CONSENT; --",
                "100%", "100%_done", "back\\slash", "ALICE", "alice ", " alice", "é".repeat(255));
        List<String> clients = List.of("client:with/colon?and#hash", "%41", "ünï cøde", "c_", "c%",
                "x".repeat(128));
        // the row key joins subject and client with a line break: a control character would let two collide
        assertThrows(IllegalArgumentException.class, () -> new Consent("a\nb", "c", Set.of("openid"), NOW));
        assertThrows(IllegalArgumentException.class, () -> new Consent("a", "b\nc", Set.of("openid"), NOW));
        EntityManager em = emf.createEntityManager();
        JpaConsentStore store = new JpaConsentStore(em);
        inTransaction(em, () -> {
            for (int s = 0; s < subjects.size(); s++) {
                for (int c = 0; c < clients.size(); c++) {
                    store.save(new Consent(subjects.get(s), clients.get(c), Set.of("scope-" + s + "-" + c), NOW));
                }
            }
            return null;
        });
        em.clear();
        emf.getCache().evictAll();
        for (int s = 0; s < subjects.size(); s++) {
            String subject = subjects.get(s);
            for (int c = 0; c < clients.size(); c++) {
                Consent found = store.find(subject, clients.get(c)).orElseThrow(AssertionError::new);
                assertEquals(new Consent(subject, clients.get(c), Set.of("scope-" + s + "-" + c), NOW), found);
            }
            List<Consent> all = store.findBySubject(subject);
            assertEquals(clients.size(), all.size(), subject);
            assertTrue(all.stream().allMatch(consent -> consent.subject().equals(subject)), subject);
            assertEquals(new TreeSet<>(clients), new TreeSet<>(clientIds(all)), subject);
        }
        assertTrue(store.find("alice", "%41").isEmpty(), "case and spaces matter");
        assertTrue(store.find("100%", "A").isEmpty(), "no percent-decoding");
        assertTrue(store.find("100%", "c%_").isEmpty());
        assertTrue(store.find("100", "c_").isEmpty());
        assertEquals(List.of("alpha", "gamma"), clientIds(store.findBySubject("alice")), "alice's own, no other's");
        assertTrue(store.findBySubject("100").isEmpty(), "no pattern matching");
        assertTrue(inTransaction(em, () -> store.delete("100%", "c%")));
        em.clear();
        assertTrue(store.find("100%", "c%").isEmpty());
        assertTrue(store.find("100%_done", "c%").isPresent(), "only the one row");
        assertTrue(store.find("100%", "c_").isPresent());
        em.close();
    }

    private static List<String> clientIds(List<Consent> consents) {
        return consents.stream().map(Consent::clientId).toList();
    }

    // ---------------------------------------------------------------- OAuth 2.0 entities' OpenID columns

    private static void clientMetadataAndResponseTypes(EntityManagerFactory emf) throws Exception {
        JsonObject rpKey = json(new ECKeyGenerator(Curve.P_256).keyID("rp-1").generate().toPublicJWK()
                .toJSONString());
        JsonObject metadata = JSON.createObjectBuilder()
                .add("post_logout_redirect_uris", JSON.createArrayBuilder().add("https://rp.example/logged-out")
                        .add("https://rp.example/bye?lang=en&x=%C3%A9"))
                .add("jwks", JSON.createObjectBuilder().add("keys", JSON.createArrayBuilder().add(rpKey)))
                .add("id_token_signed_response_alg", "ES256")
                .add("default_max_age", 3600)
                .add("require_auth_time", true)
                .add("client_uri", "https://rp.example/ünï \"quoted\"")
                .build();
        EntityManager em = emf.createEntityManager();
        JpaOAuth2ClientStore store = new JpaOAuth2ClientStore(em, KeyEncryption.NONE);
        inTransaction(em, () -> {
            OAuth2ClientEntity rp = new OAuth2ClientEntity("oidc-rp", "RP", Secrets.sha256("secret"),
                    "client_secret_basic", List.of("https://rp.example/cb"), List.of("authorization_code", "implicit"),
                    List.of("code", "code id_token", "code id_token token", "id_token"), "openid profile", "alice",
                    NOW.toEpochMilli());
            rp.setMetadata(metadata);
            store.save(rp);
            OAuth2ClientEntity plain = new OAuth2ClientEntity("plain", "Plain", null, "none",
                    List.of("https://plain.example/cb"), List.of("authorization_code"), List.of("code"), "openid",
                    null, NOW.toEpochMilli());
            plain.setMetadata(JSON.createObjectBuilder().build());
            store.save(plain);
            store.save(new OAuth2ClientEntity("legacy", "Legacy", null, "none", List.of("https://legacy.example/cb"),
                    List.of("authorization_code", "implicit"), List.of("code", "token"), "profile", null,
                    NOW.toEpochMilli()));
            return null;
        });
        em.clear();
        emf.getCache().evictAll(); // read from the table, not the shared cache

        OAuth2ClientEntity rp = store.findEntity("oidc-rp").orElseThrow();
        assertEquals(metadata, rp.getMetadata());
        assertEquals(Set.of("code", "code id_token", "code id_token token", "id_token"), rp.getResponseTypes());
        OpenIdClient openId = new OpenIdClient(rp);
        assertEquals(List.of("https://rp.example/logged-out", "https://rp.example/bye?lang=en&x=%C3%A9"),
                openId.postLogoutRedirectUris());
        assertEquals(3600L, openId.defaultMaxAge());
        assertTrue(openId.requiresAuthTime());
        assertEquals(ES256, openId.idTokenAlgorithm(null));
        assertEquals(rpKey, rp.getMetadata().getJsonObject("jwks").getJsonArray("keys").getJsonObject(0));

        OAuth2ClientEntity plain = store.findEntity("plain").orElseThrow();
        assertEquals(JSON.createObjectBuilder().build(), plain.getMetadata());
        assertEquals(Set.of("code"), plain.getResponseTypes());
        assertEquals(List.of(), new OpenIdClient(plain).postLogoutRedirectUris());
        assertNull(columnOf(emf, "METADATA", "plain"), "no metadata, no JSON");
        assertEquals("code\ncode id_token\ncode id_token token\nid_token\n",
                columnOf(emf, "RESPONSE_TYPES", "oidc-rp"), "each type followed by a line break");
        assertEquals(Set.of("code", "token"), store.findEntity("legacy").orElseThrow().getResponseTypes());

        // a row written by an older version: space-separated single words
        setResponseTypes(emf, "legacy", "code token");
        em.clear();
        assertEquals(Set.of("code", "token"), store.findEntity("legacy").orElseThrow().getResponseTypes());
        setResponseTypes(emf, "legacy", "code");
        em.clear();
        assertEquals(Set.of("code"), store.findEntity("legacy").orElseThrow().getResponseTypes());
        em.close();
    }

    private static JsonObject json(String text) {
        return JSON.createReader(new StringReader(text)).readObject();
    }

    private static String columnOf(EntityManagerFactory emf, String column, String clientId) {
        EntityManager em = emf.createEntityManager();
        try {
            return (String) em.createNativeQuery("SELECT " + column
                            + " FROM TOLLGATE_OAUTH2_CLIENT WHERE CLIENT_ID = ?1")
                    .setParameter(1, clientId).getSingleResult();
        } finally {
            em.close();
        }
    }

    private static void setResponseTypes(EntityManagerFactory emf, String clientId, String value) {
        EntityManager em = emf.createEntityManager();
        try {
            assertEquals(1, (int) inTransaction(em, () -> em.createNativeQuery(
                            "UPDATE TOLLGATE_OAUTH2_CLIENT SET RESPONSE_TYPES = ?1 WHERE CLIENT_ID = ?2")
                    .setParameter(1, value).setParameter(2, clientId).executeUpdate()));
        } finally {
            em.close();
        }
        emf.getCache().evictAll(); // as after an upgrade: the row was there before this version read it
    }

    private static void tokensKeepAuthTimeAndAttributes(EntityManagerFactory emf) {
        Instant authTime = NOW.minusSeconds(90);
        Map<String, String> attributes = Map.of("claims_userinfo", "email name",
                "claims_id_token", "acr https://claims.example/x?y=1&z=%20",
                "odd", "a&b=c%d+e é🙂 \"'");
        EntityManager em = emf.createEntityManager();
        JpaTokenStore store = new JpaTokenStore(em);
        inTransaction(em, () -> {
            store.save(new IssuedToken("oidc-access", "oidc-refresh", "oidc-rp", "alice", "openid email",
                    "oidc-grant", NOW, NOW.plusSeconds(3600), NOW.plusSeconds(86400), null, authTime, attributes));
            store.save(new IssuedToken("plain-access", null, "oidc-rp", "alice", "profile", "plain-grant", NOW,
                    NOW.plusSeconds(3600), null, null));
            store.save(new IssuedToken("millis-access", null, "oidc-rp", "alice", "openid", "millis-grant", NOW,
                    NOW.plusSeconds(3600), null, null, authTime.plusMillis(999), Map.of()));
            return null;
        });
        em.clear();
        OAuth2Token token = store.findByAccessTokenHash("oidc-access").orElseThrow();
        assertEquals(authTime, token.getAuthTime());
        assertEquals(attributes, token.getAttributes());
        assertEquals(authTime, store.findByRefreshTokenHash("oidc-refresh").orElseThrow().getAuthTime());
        OAuth2Token plain = store.findByAccessTokenHash("plain-access").orElseThrow();
        assertNull(plain.getAuthTime());
        assertEquals(Map.of(), plain.getAttributes());
        assertEquals(authTime, store.findByAccessTokenHash("millis-access").orElseThrow().getAuthTime(),
                "kept in epoch seconds, as auth_time is");
        em.close();
    }

    // ---------------------------------------------------------------- helpers

    /** Where the container would begin and commit the transaction of a {@code @Transactional} method. */
    private static <T> T inTransaction(EntityManager em, Supplier<T> work) {
        em.getTransaction().begin();
        try {
            T result = work.get();
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        }
    }

}
