package dev.tollgate.jakarta.oidc;

import dev.tollgate.jakarta.persistence.TollgatePersistence;
import dev.tollgate.oidc.SigningKeyStore;
import dev.tollgate.oidc.StoredSigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** Signing keys in JPA, as {@link SigningKeyEntity}: one table every node of a cluster reads. */
@ApplicationScoped
public class JpaSigningKeyStore implements SigningKeyStore {

    private final EntityManager em;

    /** For the CDI client proxy only. */
    protected JpaSigningKeyStore() {
        this.em = null;
    }

    @Inject
    public JpaSigningKeyStore(@TollgatePersistence EntityManager em) {
        this.em = em;
    }

    /** Read past the shared cache: another node may have added a key. */
    @Override
    public List<StoredSigningKey> findAll() {
        return em.createQuery("SELECT k FROM SigningKeyEntity k", SigningKeyEntity.class)
                .setHint("jakarta.persistence.cache.retrieveMode", jakarta.persistence.CacheRetrieveMode.BYPASS)
                .getResultList().stream()
                .map(SigningKeyEntity::toStored)
                .toList();
    }

    @Override
    @Transactional
    public void save(StoredSigningKey key) {
        em.persist(new SigningKeyEntity(key));
    }

    @Override
    @Transactional
    public void delete(String kid) {
        SigningKeyEntity entity = em.find(SigningKeyEntity.class, kid);
        if (entity != null) {
            em.remove(entity);
        }
    }
}
