package dev.tollgate.jakarta.oauth1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.jakarta.cache.CacheSettings;
import dev.tollgate.jakarta.cache.JCacheReplayCache;
import dev.tollgate.jakarta.cache.TollgateCaches;
import dev.tollgate.oauth1.GeneratedToken;
import dev.tollgate.testing.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JCache stores on Ehcache: single use under 32 concurrent callers. */
class JCacheOAuth1StoresTest {

    private static final int THREADS = 32;
    private static TollgateCaches caches;

    @BeforeAll
    static void open() {
        caches = new TollgateCaches(new CacheSettings(CacheSettings.EHCACHE, "test-" + UUID.randomUUID() + ".", true, 1000));
    }

    @AfterAll
    static void close() {
        caches.close();
    }

    private JCacheTemporaryCredentialStore temporaryCredentials() {
        return new JCacheTemporaryCredentialStore(caches.cache("temp-" + UUID.randomUUID(), String.class,
                CachedTemporaryCredential.class, Duration.ofMinutes(10)));
    }

    @Test
    void authorizesOnceAndIsTakenOnce() throws Exception {
        JCacheTemporaryCredentialStore store = temporaryCredentials();
        store.create(new GeneratedToken("t", "s"), "client", "oob", Instant.now().plusSeconds(60));

        List<Optional<?>> authorizations = Concurrently.run(THREADS,
                () -> store.authorize("t", "alice", UUID.randomUUID().toString()));
        assertEquals(1, authorizations.stream().filter(Optional::isPresent).count());
        assertTrue(store.find("t").orElseThrow().isAuthorized());

        List<Optional<?>> takes = Concurrently.run(THREADS, () -> store.take("t"));
        assertEquals(1, takes.stream().filter(Optional::isPresent).count());
        assertTrue(store.find("t").isEmpty());
    }

    @Test
    void refusesARepeatedToken() {
        JCacheTemporaryCredentialStore store = temporaryCredentials();
        store.create(new GeneratedToken("t", "s"), "client", "oob", Instant.now().plusSeconds(60));
        assertThrows(IllegalStateException.class,
                () -> store.create(new GeneratedToken("t", "s2"), "client", "oob", Instant.now().plusSeconds(60)));
    }

    @Test
    void recordsANonceOnceAmong32Callers() throws Exception {
        JCacheReplayCache nonces = new JCacheReplayCache(caches.cache("nonces-" + UUID.randomUUID(), String.class,
                Boolean.class, Duration.ofMinutes(10)), Duration.ofMinutes(10));
        List<Boolean> recorded = Concurrently.run(THREADS, () -> nonces.recordIfAbsent("client:token:1:n", Duration.ofMinutes(10)));
        assertEquals(1, recorded.stream().filter(Boolean::booleanValue).count());
        assertFalse(nonces.recordIfAbsent("client:token:1:n", Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> nonces.recordIfAbsent("k", Duration.ofMinutes(11)));
    }

}
