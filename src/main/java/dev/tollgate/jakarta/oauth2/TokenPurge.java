package dev.tollgate.jakarta.oauth2;

import dev.tollgate.jakarta.persistence.TollgatePersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Deletes what can no longer be used: tokens whose access and refresh tokens have both expired, and expired
 * codes. A revoked token is kept until then, so that a replayed refresh token is still recognised
 * (RFC 9700 §4.14.2). {@link TokenPurgeSchedule} runs it periodically.
 */
@ApplicationScoped
public class TokenPurge {

    private final EntityManager em;
    private final Clock clock;

    /** For the CDI client proxy only. */
    protected TokenPurge() {
        this.em = null;
        this.clock = null;
    }

    @Inject
    public TokenPurge(@TollgatePersistence EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Answers how many rows were deleted. */
    @Transactional
    public int purgeExpired() {
        long now = clock.millis();
        int tokens = em.createQuery("DELETE FROM OAuth2TokenEntity t WHERE t.expiresAt < :now"
                        + " AND (t.refreshTokenExpiresAt IS NULL OR t.refreshTokenExpiresAt < :now)")
                .setParameter("now", now)
                .executeUpdate();
        int codes = em.createQuery("DELETE FROM AuthorizationCodeEntity c WHERE c.expiresAt < :now")
                .setParameter("now", now)
                .executeUpdate();
        return tokens + codes;
    }
}
