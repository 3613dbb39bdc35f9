package dev.tollgate.jakarta.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.cache.Cache;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

@EnableWeld
class TollgateCachesTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(TollgateCaches.class,
            dev.tollgate.jakarta.TollgateDefaults.class, dev.tollgate.jakarta.ConfiguredSettings.class)
            .activate(ApplicationScoped.class).build();

    @Inject
    TollgateCaches caches;

    @Test
    void opensEhcacheByNameAndExpiresEntries() throws InterruptedException {
        assertEquals(CacheSettings.EHCACHE, caches.providerName());
        Cache<String, String> cache = caches.cache("unit", String.class, String.class, Duration.ofMillis(300));
        assertTrue(cache.putIfAbsent("k", "v"));
        assertFalse(cache.putIfAbsent("k", "w"));
        assertEquals("v", cache.get("k"));
        Thread.sleep(600);
        assertNull(cache.get("k"));
    }

    @Test
    void returnsTheSameCacheForTheSameName() {
        assertSame(caches.cache("same", String.class, String.class, Duration.ofMinutes(1)),
                caches.cache("same", String.class, String.class, Duration.ofMinutes(1)));
    }

    @Test
    void eachCacheIsBounded() {
        try (TollgateCaches small = new TollgateCaches(CacheSettings.defaults().withMaxEntries(10)
                .withPrefix("bounded-" + System.nanoTime() + "."))) {
            Cache<String, Boolean> cache = small.cache("nonces", String.class, Boolean.class, Duration.ofMinutes(10));
            for (int i = 0; i < 1000; i++) {
                cache.putIfAbsent("nonce-" + i, Boolean.TRUE);
            }
            int kept = 0;
            for (Cache.Entry<String, Boolean> ignored : cache) {
                kept++;
            }
            assertTrue(kept <= 10, kept + " entries kept");
        }
    }

    @Test
    void anExistingCacheThatForgetsTooSoonIsRefused() {
        caches.cache("window", String.class, Boolean.class, Duration.ofMinutes(1));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> caches.cache("window", String.class, Boolean.class, Duration.ofMinutes(10)));
        assertTrue(refused.getMessage().contains("window"), refused.getMessage());
        caches.cache("window", String.class, Boolean.class, Duration.ofSeconds(30));
    }
}
