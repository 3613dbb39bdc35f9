package dev.tollgate.jakarta.oauth1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.Secrets;
import dev.tollgate.oauth1.GeneratedToken;
import dev.tollgate.oauth1.OAuth1Client;
import dev.tollgate.oauth1.TokenCredential;
import dev.tollgate.testing.Databases;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Tollgate's OAuth 1.0a entities and JPA stores, on H2 and on a real PostgreSQL server. */
class JpaOAuth1StoresTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void onH2() {
        exercise(() -> Databases.h2("tollgate-local"));
    }

    @Test
    void onPostgres() {
        exercise(() -> Databases.postgres("tollgate-local"));
    }

    private static void exercise(Supplier<EntityManagerFactory> factory) {
        EntityManagerFactory emf = factory.get();
        try {
            EntityManager em = emf.createEntityManager();
            JpaOAuth1ClientStore clients = new JpaOAuth1ClientStore(em);
            JpaTokenCredentialStore tokens = new JpaTokenCredentialStore(em, CLOCK);

            inTransaction(em, () -> clients.save(new OAuth1ClientEntity("printer", "Printer", "s3cret", null,
                    "https://printer.example/ready", List.of("https://printer.example/ready", "oob"), "alice", 1L)));
            em.clear();
            OAuth1Client client = clients.find("printer").orElseThrow();
            assertEquals("s3cret", client.getClientSecret());
            assertEquals(List.of("https://printer.example/ready", "oob"), client.getRedirectUris());
            assertTrue(clients.find("nobody").isEmpty());
            assertEquals(1, clients.findByUser("alice").size());

            CachedTemporaryCredential authorized = new CachedTemporaryCredential("temp", "temp-secret", "printer",
                    "oob", "alice", "verifier", CLOCK.instant().plusSeconds(60));
            TokenCredential issued = inTransaction(em,
                    () -> tokens.create(authorized, new GeneratedToken("tok-en", "tok-secret")));
            assertEquals("tok-en", issued.getToken());
            em.clear();

            TokenCredential found = tokens.find("tok-en").orElseThrow();
            assertNull(found.getToken(), "only the hash is stored");
            assertEquals(Secrets.sha256("tok-en"), ((OAuth1TokenCredentialEntity) found).getTokenHash());
            assertEquals("tok-secret", found.getSecret());
            assertEquals("alice", found.getUserId());
            assertEquals(CLOCK.millis(), ((OAuth1TokenCredentialEntity) found).getCreatedAt());
            assertTrue(tokens.find("tok-en2").isEmpty());
            assertEquals(1, tokens.findByUser("alice").size());

            // the token hash is unique
            assertThrows(PersistenceException.class, () -> inTransaction(em,
                    () -> tokens.create(authorized, new GeneratedToken("tok-en", "other"))));
            em.clear();

            assertEquals(1, inTransaction(em, () -> tokens.revoke("alice", "printer")));
            assertTrue(tokens.find("tok-en").isEmpty());
            em.close();
        } finally {
            emf.close();
        }
    }

    private static <T> T inTransaction(EntityManager em, Supplier<T> work) {
        em.getTransaction().begin();
        try {
            T result = work.get();
            em.flush();
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        }
    }
}
