package dev.tollgate.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The in-memory deny-list: an entry lives until its token expires, and denying again never shortens it. */
class InMemoryRevokedTokensTest {

    private final MutableClock clock = new MutableClock(
            Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryRevokedTokens revoked = new InMemoryRevokedTokens(clock);

    @Test
    void untilTheTokenExpires() {
        revoked.deny("h1", clock.instant().plusSeconds(60));
        assertTrue(revoked.isDenied("h1"));
        assertFalse(revoked.isDenied("h2"));
        clock.advance(Duration.ofSeconds(60));
        assertFalse(revoked.isDenied("h1"));
        revoked.deny("h2", clock.instant().plusSeconds(1));
        assertEquals(1, revoked.size(), "the expired entry is dropped");
    }

    @Test
    void anExpiredTokenIsNotKept() {
        revoked.deny("h1", clock.instant());
        assertFalse(revoked.isDenied("h1"));
        assertEquals(0, revoked.size());
    }

    @Test
    void denyingAgainKeepsTheLaterExpiry() {
        revoked.deny("h1", clock.instant().plusSeconds(60));
        revoked.deny("h1", clock.instant().plusSeconds(10));
        clock.advance(Duration.ofSeconds(30));
        assertTrue(revoked.isDenied("h1"));
    }
}
