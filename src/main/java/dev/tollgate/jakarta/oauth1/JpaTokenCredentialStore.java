package dev.tollgate.jakarta.oauth1;

import dev.tollgate.common.Secrets;
import dev.tollgate.jakarta.persistence.TollgatePersistence;
import dev.tollgate.oauth1.GeneratedToken;
import dev.tollgate.oauth1.TemporaryCredential;
import dev.tollgate.oauth1.TokenCredential;
import dev.tollgate.oauth1.TokenCredentialStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** OAuth 1.0a token credentials in JPA, as {@link OAuth1TokenCredentialEntity}, looked up by token hash. */
@ApplicationScoped
public class JpaTokenCredentialStore implements TokenCredentialStore {

    private final EntityManager em;
    private final Clock clock;

    /** For the CDI client proxy only. */
    protected JpaTokenCredentialStore() {
        this.em = null;
        this.clock = null;
    }

    @Inject
    public JpaTokenCredentialStore(@TollgatePersistence EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    @Transactional
    public TokenCredential create(TemporaryCredential authorized, GeneratedToken token) {
        OAuth1TokenCredentialEntity entity = new OAuth1TokenCredentialEntity(token.token(), token.secret(),
                authorized.getClientId(), authorized.getUserId(), clock.millis());
        em.persist(entity);
        return entity;
    }

    @Override
    public Optional<TokenCredential> find(String token) {
        return Optional.ofNullable(em.find(OAuth1TokenCredentialEntity.class, Secrets.sha256(token)));
    }

    /** The token credentials a resource owner granted, newest first. */
    public List<OAuth1TokenCredentialEntity> findByUser(String userId) {
        return em.createQuery("SELECT t FROM OAuth1TokenCredentialEntity t WHERE t.userId = :userId"
                        + " ORDER BY t.createdAt DESC", OAuth1TokenCredentialEntity.class)
                .setParameter("userId", userId)
                .getResultList();
    }

    /** Revokes every token credential a resource owner granted to a client; answers how many there were. */
    @Transactional
    public int revoke(String userId, String clientId) {
        return em.createQuery("DELETE FROM OAuth1TokenCredentialEntity t"
                        + " WHERE t.userId = :userId AND t.clientId = :clientId")
                .setParameter("userId", userId)
                .setParameter("clientId", clientId)
                .executeUpdate();
    }
}
