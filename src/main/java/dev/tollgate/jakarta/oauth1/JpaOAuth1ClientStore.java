package dev.tollgate.jakarta.oauth1;

import dev.tollgate.jakarta.persistence.TollgatePersistence;
import dev.tollgate.oauth1.ClientStore;
import dev.tollgate.oauth1.OAuth1Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** OAuth 1.0a clients in JPA, as {@link OAuth1ClientEntity}. */
@ApplicationScoped
public class JpaOAuth1ClientStore implements ClientStore {

    private final EntityManager em;

    /** For the CDI client proxy only. */
    protected JpaOAuth1ClientStore() {
        this.em = null;
    }

    @Inject
    public JpaOAuth1ClientStore(@TollgatePersistence EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<OAuth1Client> find(String clientId) {
        return findEntity(clientId).map(OAuth1Client.class::cast);
    }

    public Optional<OAuth1ClientEntity> findEntity(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(em.find(OAuth1ClientEntity.class, clientId));
    }

    /** The clients a user registered, newest first. */
    public List<OAuth1ClientEntity> findByUser(String userId) {
        return em.createQuery("SELECT c FROM OAuth1ClientEntity c WHERE c.userId = :userId ORDER BY c.createdAt DESC",
                        OAuth1ClientEntity.class)
                .setParameter("userId", userId)
                .getResultList();
    }

    @Transactional
    public OAuth1ClientEntity save(OAuth1ClientEntity client) {
        em.persist(client);
        return client;
    }
}
