package dev.tollgate.jakarta.oauth2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.AuthorizationCode;
import dev.tollgate.oauth2.AuthorizationCodeStore;
import dev.tollgate.oauth2.ClientMetadata;
import dev.tollgate.oauth2.IssuedAuthorizationCode;
import dev.tollgate.oauth2.IssuedToken;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Token;
import dev.tollgate.oauth2.RegisteredClient;
import dev.tollgate.oauth2.ResourceOwner;
import dev.tollgate.oidc.KeyEncryption;
import dev.tollgate.testing.Concurrently;
import dev.tollgate.testing.Databases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Tollgate's OAuth 2.0 entities and JPA stores, on H2 and on a real PostgreSQL server, under concurrency. */
class JpaOAuth2StoresTest {

    private static final int THREADS = 32;
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

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
            clients(emf);
            registrationsAreManaged(emf);
            tokens(emf);
            codesAreRedeemedOnceAmongConcurrentCallers(emf);
            aReplayBeforeTheFirstUseStoresItsTokenStillRevokesIt(emf);
            revocationIsWonByOneConcurrentCaller(emf);
            purgeDeletesOnlyWhatCanNoLongerBeUsed(emf);
        } finally {
            emf.close();
        }
    }

    // RFC 7523 §2.2: client_secret_jwt needs the secret itself; it is kept sealed with the deployment's key
    private static void clientSecretJwtKeepsItsSecretSealed(EntityManagerFactory emf) {
        KeyEncryption encryption = KeyEncryption.withKey("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8");
        EntityManager em = emf.createEntityManager();
        JpaOAuth2ClientStore store = new JpaOAuth2ClientStore(em, encryption);
        ClientMetadata metadata = new ClientMetadata(List.of(), "client_secret_jwt", List.of("client_credentials"),
                List.of(), "profile", null, null, null, null, null, List.of(), null, null, null);
        String secret = "a-secret-of-thirty-two-characters-or-more";
        inTransaction(em, () -> {
            store.save(new RegisteredClient("hmac-client", Secrets.sha256(secret), NOW, metadata, secret));
            return null;
        });
        em.clear();
        assertEquals(secret, new JpaOAuth2ClientStore(em, encryption).find("hmac-client").orElseThrow()
                .getClientSecret());
        String stored = (String) em.createNativeQuery(
                "SELECT SEALED_CLIENT_SECRET FROM TOLLGATE_OAUTH2_CLIENT WHERE CLIENT_ID = 'hmac-client'")
                .getSingleResult();
        assertFalse(stored.contains(secret), "sealed, never the secret");
        assertNull(store.find("registered").map(OAuth2Client::getClientSecret).orElse(null),
                "a client_secret_basic client keeps only the hash");
        em.close();
    }

    private static void clients(EntityManagerFactory emf) {
        EntityManager em = emf.createEntityManager();
        JpaOAuth2ClientStore store = new JpaOAuth2ClientStore(em, KeyEncryption.NONE);
        ClientMetadata metadata = new ClientMetadata(List.of("https://app.example/cb"), "client_secret_basic",
                List.of("authorization_code", "refresh_token"), List.of("code"), "profile email", "App", null, null,
                null, null, List.of(), null, null, null);
        inTransaction(em, () -> {
            store.save(new RegisteredClient("registered", Secrets.sha256("secret"), NOW, metadata));
            return null;
        });
        em.clear();
        clientSecretJwtKeepsItsSecretSealed(emf);
        OAuth2Client client = store.find("registered").orElseThrow();
        assertTrue(client.checkClientSecret("secret"));
        assertFalse(client.checkClientSecret("Secret"));
        assertEquals(List.of("https://app.example/cb"), client.getRedirectUris());
        assertEquals(Set.of("authorization_code", "refresh_token"), client.getGrantTypes());
        assertEquals(Set.of("code"), client.getResponseTypes());
        assertEquals("profile email", client.getScope());
        assertEquals("App", ((OAuth2ClientEntity) client).getClientName());
        assertTrue(client.isDynamicallyRegistered(), "registered by itself: nobody vouches for its name");
        assertTrue(store.find("unknown").isEmpty());
        em.close();
    }

    // RFC 7592: the registration access token's hash, the metadata as registered, replaced and deleted
    private static void registrationsAreManaged(EntityManagerFactory emf) {
        EntityManager em = emf.createEntityManager();
        JpaOAuth2ClientStore store = new JpaOAuth2ClientStore(em, KeyEncryption.NONE);
        ClientMetadata metadata = new ClientMetadata(List.of("https://app.example/cb"), "client_secret_basic",
                List.of("authorization_code"), List.of("code"), "profile", "Managed", "https://app.example/", null,
                null, null, List.of("ops@app.example"), "app-id", "1.0",
                jakarta.json.Json.createObjectBuilder().add("post_logout_redirect_uris",
                        jakarta.json.Json.createArrayBuilder().add("https://app.example/bye")).build());
        String first = Secrets.sha256("first-token");
        inTransaction(em, () -> {
            store.save(new RegisteredClient("managed", Secrets.sha256("secret"), NOW, metadata, null, first));
            return null;
        });
        em.clear();
        RegisteredClient found = store.findRegistration("managed").orElseThrow();
        assertEquals(first, found.registrationAccessTokenHash());
        assertEquals(metadata, found.metadata());
        assertEquals(NOW, found.clientIdIssuedAt());
        assertTrue(found.checkClientSecret("secret"));
        assertTrue(store.findRegistration("registered").isEmpty(), "registered without a registration token");
        assertTrue(store.findRegistration("unknown").isEmpty());

        ClientMetadata replaced = new ClientMetadata(List.of("https://app.example/new", "https://app.example/two"),
                "client_secret_basic", List.of("authorization_code", "refresh_token"), List.of("code"), "profile email",
                null, null, null, null, null, List.of(), null, null, null);
        String second = Secrets.sha256("second-token");
        assertFalse(inTransaction(em, () -> store.update(found.withMetadata(replaced, second), Secrets.sha256("wrong"))));
        assertTrue(inTransaction(em, () -> store.update(found.withMetadata(replaced, second), first)));
        assertFalse(inTransaction(em, () -> store.update(found.withMetadata(replaced, second), first)),
                "the old token updates once");
        em.clear();
        RegisteredClient updated = store.findRegistration("managed").orElseThrow();
        assertEquals(second, updated.registrationAccessTokenHash());
        assertEquals(replaced, updated.metadata());
        OAuth2Client client = store.find("managed").orElseThrow();
        assertEquals(List.of("https://app.example/new", "https://app.example/two"), client.getRedirectUris());
        assertEquals(Set.of("authorization_code", "refresh_token"), client.getGrantTypes());
        assertEquals("profile email", client.getScope());
        assertNull(((OAuth2ClientEntity) client).getClientName());
        assertTrue(client.getMetadata().isEmpty());
        assertTrue(client.checkClientSecret("secret"), "the secret stays");

        assertTrue(inTransaction(em, () -> store.delete("managed")));
        assertFalse(inTransaction(em, () -> store.delete("managed")));
        em.clear();
        assertTrue(store.find("managed").isEmpty());
        assertTrue(store.findRegistration("managed").isEmpty());
        assertTrue(store.find("registered").isPresent());
        em.close();
    }

    private static void tokens(EntityManagerFactory emf) {
        EntityManager em = emf.createEntityManager();
        JpaTokenStore store = new JpaTokenStore(em);
        inTransaction(em, () -> {
            store.save(token("a1", "r1", "grant-1", "alice"));
            store.save(token("a2", null, "grant-1", "alice"));
            store.save(token("a3", "r3", "grant-2", "bob"));
            return null;
        });
        em.clear();
        OAuth2Token found = store.findByAccessTokenHash("a1").orElseThrow();
        assertEquals("r1", found.getRefreshTokenHash());
        assertEquals(NOW.plusSeconds(3600), found.getExpiresAt());
        assertEquals(NOW.plusSeconds(86400), found.getRefreshTokenExpiresAt());
        assertEquals("a3", store.findByRefreshTokenHash("r3").orElseThrow().getAccessTokenHash());
        assertEquals(2, store.findActiveByUser("alice").size());

        inTransaction(em, () -> {
            store.revokeGrant("grant-1");
            return null;
        });
        em.clear();
        assertTrue(store.findByAccessTokenHash("a1").orElseThrow().isRevoked());
        assertTrue(store.findByAccessTokenHash("a2").orElseThrow().isRevoked());
        assertFalse(store.findByAccessTokenHash("a3").orElseThrow().isRevoked());
        // what the deny-list of revoked JWT access tokens gets: the grant's rows, revoked, until they expire
        assertEquals(Set.of("a1", "a2"), store.findUnexpiredByGrantId("grant-1", NOW).stream()
                .map(OAuth2Token::getAccessTokenHash).collect(java.util.stream.Collectors.toSet()));
        assertEquals(List.of(), store.findUnexpiredByGrantId("grant-1", NOW.plusSeconds(3600)));
        assertEquals(List.of("grant-2"), inTransaction(em, () -> store.revokeAll("bob", "client")));
        assertEquals(List.of(), inTransaction(em, () -> store.revokeAll("bob", "client")));
        em.close();
    }

    private static void codesAreRedeemedOnceAmongConcurrentCallers(EntityManagerFactory emf) throws Exception {
        EntityManager setup = emf.createEntityManager();
        inTransaction(setup, () -> {
            new JpaAuthorizationCodeStore(setup).save(new IssuedAuthorizationCode("code-hash", "client",
                    "https://app.example/cb", "profile", new ResourceOwner("alice", NOW, Set.of("pwd", "otp"), "urn:acr:2"),
                    NOW.plusSeconds(300), Map.of("code_challenge", "challenge", "code_challenge_method", "S256")));
            return null;
        });
        setup.close();
        List<Optional<AuthorizationCodeStore.Redemption>> taken = concurrently(emf,
                em -> new JpaAuthorizationCodeStore(em).redeem("code-hash"));
        assertEquals(THREADS, taken.stream().filter(Optional::isPresent).count(), "the code stays, marked used");
        assertEquals(1, taken.stream().flatMap(Optional::stream).filter(AuthorizationCodeStore.Redemption::firstUse)
                .count());
        AuthorizationCode code = taken.stream().flatMap(Optional::stream).findFirst().orElseThrow().code();
        assertEquals(Map.of("code_challenge", "challenge", "code_challenge_method", "S256"), code.getAttributes());
        assertEquals(new ResourceOwner("alice", NOW, Set.of("pwd", "otp"), "urn:acr:2"), code.getResourceOwner());
        assertEquals(NOW.plusSeconds(300), code.getExpiresAt());
        EntityManager em = emf.createEntityManager();
        JpaAuthorizationCodeStore codes = new JpaAuthorizationCodeStore(em);
        assertTrue(inTransaction(em, () -> codes.redeem("no-such-code")).isEmpty());
        assertFalse(codes.isReplayed("code-hash"));
        inTransaction(em, () -> {
            codes.markReplayed("code-hash");
            return null;
        });
        assertTrue(codes.isReplayed("code-hash"));
        em.close();
    }

    /**
     * The interleaving that lost a race before (RFC 6749 §4.1.2, RFC 9700 §4.14.2): a replay revokes the grant
     * after the first use redeemed the code but before it stored its token. The first use, checking after its
     * save, finds the marks and revokes what it stored; later ones are caught by the revocation itself.
     */
    private static void aReplayBeforeTheFirstUseStoresItsTokenStillRevokesIt(EntityManagerFactory emf) {
        EntityManager em = emf.createEntityManager();
        JpaAuthorizationCodeStore codes = new JpaAuthorizationCodeStore(em);
        JpaTokenStore tokens = new JpaTokenStore(em);
        inTransaction(em, () -> {
            codes.save(new IssuedAuthorizationCode("raced-code", "client", null, "profile", ResourceOwner.of("carol"),
                    NOW.plusSeconds(300), Map.of()));
            return null;
        });
        assertTrue(inTransaction(em, () -> codes.redeem("raced-code")).orElseThrow().firstUse()); // the first use
        assertFalse(inTransaction(em, () -> codes.redeem("raced-code")).orElseThrow().firstUse()); // the replay:
        inTransaction(em, () -> {
            codes.markReplayed("raced-code");
            tokens.revokeGrant("raced-code"); // reaches no token yet
            return null;
        });
        inTransaction(em, () -> {
            tokens.save(token("raced-access", "raced-refresh", "raced-code", "carol")); // the first use stores
            return null;
        });
        em.clear();
        assertTrue(codes.isReplayed("raced-code"), "what the first use checks after its save");
        assertFalse(tokens.isGrantRevoked("raced-code"));
        inTransaction(em, () -> {
            tokens.revokeGrant("raced-code");
            return null;
        });
        em.clear();
        assertTrue(tokens.findByAccessTokenHash("raced-access").orElseThrow().isRevoked());
        assertTrue(tokens.isGrantRevoked("raced-code"), "what a refresh of the grant checks after its save");
        assertEquals(List.of("revoked-code"), inTransaction(em, () -> {
            codes.save(new IssuedAuthorizationCode("revoked-code", "client", null, "profile", ResourceOwner.of("dave"),
                    NOW.plusSeconds(300), Map.of()));
            return codes.revokeAll("dave", "client");
        }));
        assertFalse(inTransaction(em, () -> codes.redeem("revoked-code")).orElseThrow().firstUse());
        assertTrue(codes.isReplayed("revoked-code"));
        em.close();
    }

    private static void revocationIsWonByOneConcurrentCaller(EntityManagerFactory emf) throws Exception {
        EntityManager setup = emf.createEntityManager();
        inTransaction(setup, () -> {
            new JpaTokenStore(setup).save(token("race", "race-r", "grant-race", "alice"));
            return null;
        });
        setup.close();
        List<Boolean> won = concurrently(emf, em -> new JpaTokenStore(em).revoke("race"));
        assertEquals(1, won.stream().filter(Boolean::booleanValue).count());
    }

    private static void purgeDeletesOnlyWhatCanNoLongerBeUsed(EntityManagerFactory emf) {
        EntityManager em = emf.createEntityManager();
        JpaTokenStore store = new JpaTokenStore(em);
        inTransaction(em, () -> {
            store.save(new IssuedToken("old", null, "client", "alice", "profile", "g-old", NOW.minusSeconds(7200),
                    NOW.minusSeconds(3600), null, null));
            store.save(new IssuedToken("refreshable", "refreshable-r", "client", "alice", "profile", "g-r",
                    NOW.minusSeconds(7200), NOW.minusSeconds(3600), NOW.plusSeconds(3600), "profile email"));
            return null;
        });
        TokenPurge purge = new TokenPurge(em, Clock.fixed(NOW, ZoneOffset.UTC));
        int purged = inTransaction(em, purge::purgeExpired);
        em.clear();
        assertTrue(purged >= 1);
        assertTrue(store.findByAccessTokenHash("old").isEmpty());
        assertTrue(store.findByAccessTokenHash("refreshable").isPresent());
        assertTrue(store.findByAccessTokenHash("a3").isPresent());
        em.close();
    }

    private static IssuedToken token(String access, String refresh, String grant, String user) {
        return new IssuedToken(access, refresh, "client", user, "profile", grant, NOW, NOW.plusSeconds(3600),
                refresh == null ? null : NOW.plusSeconds(86400), null);
    }

    /** Each caller has its own entity manager and transaction, as concurrent requests do. */
    private static <T> List<T> concurrently(EntityManagerFactory emf, Function<EntityManager, T> work)
            throws Exception {
        return Concurrently.run(THREADS, () -> {
            EntityManager em = emf.createEntityManager();
            try {
                return inTransaction(em, () -> work.apply(em));
            } finally {
                em.close();
            }
        });
    }

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
