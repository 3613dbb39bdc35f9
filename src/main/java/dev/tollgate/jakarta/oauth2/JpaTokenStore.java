package dev.tollgate.jakarta.oauth2;

import dev.tollgate.jakarta.persistence.TollgatePersistence;
import dev.tollgate.oauth2.OAuth2Token;
import dev.tollgate.oauth2.TokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** OAuth 2.0 tokens in JPA, as {@link OAuth2TokenEntity}; revocations are conditional updates. */
@ApplicationScoped
public class JpaTokenStore implements TokenStore {

    private final EntityManager em;

    /** For the CDI client proxy only. */
    protected JpaTokenStore() {
        this.em = null;
    }

    @Inject
    public JpaTokenStore(@TollgatePersistence EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public void save(OAuth2Token token) {
        em.persist(OAuth2TokenEntity.of(token));
    }

    @Override
    public Optional<OAuth2Token> findByAccessTokenHash(String accessTokenHash) {
        return em.createQuery("SELECT t FROM OAuth2TokenEntity t WHERE t.accessTokenHash = :hash",
                        OAuth2TokenEntity.class)
                .setParameter("hash", accessTokenHash)
                .getResultStream().findFirst().map(OAuth2Token.class::cast);
    }

    @Override
    public Optional<OAuth2Token> findByRefreshTokenHash(String refreshTokenHash) {
        return em.createQuery("SELECT t FROM OAuth2TokenEntity t WHERE t.refreshTokenHash = :hash",
                        OAuth2TokenEntity.class)
                .setParameter("hash", refreshTokenHash)
                .getResultStream().findFirst().map(OAuth2Token.class::cast);
    }

    /** Of concurrent revocations of one token, exactly one changes the row and answers {@code true}. */
    @Override
    @Transactional
    public boolean revoke(String accessTokenHash) {
        return em.createQuery("UPDATE OAuth2TokenEntity t SET t.revoked = true"
                        + " WHERE t.accessTokenHash = :hash AND t.revoked = false")
                .setParameter("hash", accessTokenHash)
                .executeUpdate() == 1;
    }

    @Override
    @Transactional
    public void revokeGrant(String grantId) {
        em.createQuery("UPDATE OAuth2TokenEntity t SET t.revoked = true, t.grantRevoked = true"
                        + " WHERE t.grantId = :grantId")
                .setParameter("grantId", grantId)
                .executeUpdate();
    }

    @Override
    public boolean isGrantRevoked(String grantId) {
        return !em.createQuery("SELECT t.id FROM OAuth2TokenEntity t WHERE t.grantId = :grantId"
                        + " AND t.grantRevoked = true", Long.class)
                .setParameter("grantId", grantId)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** For the deny-list of revoked JWT access tokens: the grant's tokens not yet expired, revoked or not. */
    @Override
    public List<OAuth2Token> findUnexpiredByGrantId(String grantId, Instant now) {
        return em.createQuery("SELECT t FROM OAuth2TokenEntity t WHERE t.grantId = :grantId"
                        + " AND t.expiresAt > :now", OAuth2TokenEntity.class)
                .setParameter("grantId", grantId)
                .setParameter("now", now.toEpochMilli())
                .getResultStream().map(OAuth2Token.class::cast).toList();
    }

    /** The live (unrevoked) tokens a resource owner granted, newest first. */
    public List<OAuth2TokenEntity> findActiveByUser(String username) {
        return em.createQuery("SELECT t FROM OAuth2TokenEntity t WHERE t.username = :username"
                        + " AND t.revoked = false ORDER BY t.issuedAt DESC", OAuth2TokenEntity.class)
                .setParameter("username", username)
                .getResultList();
    }

    @Override
    @Transactional
    public List<String> revokeClient(String clientId) {
        List<String> grants = em.createQuery("SELECT DISTINCT t.grantId FROM OAuth2TokenEntity t"
                        + " WHERE t.clientId = :clientId AND t.revoked = false", String.class)
                .setParameter("clientId", clientId)
                .getResultList();
        em.createQuery("UPDATE OAuth2TokenEntity t SET t.revoked = true, t.grantRevoked = true"
                        + " WHERE t.clientId = :clientId")
                .setParameter("clientId", clientId)
                .executeUpdate();
        return grants;
    }

    @Override
    @Transactional
    public List<String> revokeAll(String username, String clientId) {
        List<String> grants = em.createQuery("SELECT DISTINCT t.grantId FROM OAuth2TokenEntity t"
                        + " WHERE t.username = :username AND t.clientId = :clientId AND t.revoked = false", String.class)
                .setParameter("username", username)
                .setParameter("clientId", clientId)
                .getResultList();
        em.createQuery("UPDATE OAuth2TokenEntity t SET t.revoked = true, t.grantRevoked = true"
                        + " WHERE t.username = :username AND t.clientId = :clientId")
                .setParameter("username", username)
                .setParameter("clientId", clientId)
                .executeUpdate();
        return grants;
    }
}
