package dev.tollgate.jakarta.oidc;

import dev.tollgate.jakarta.persistence.TollgatePersistence;
import dev.tollgate.oidc.Consent;
import dev.tollgate.oidc.ConsentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Remembered consents in JPA, as {@link ConsentEntity}. */
@ApplicationScoped
public class JpaConsentStore implements ConsentStore {

    private final EntityManager em;

    /** For the CDI client proxy only. */
    protected JpaConsentStore() {
        this.em = null;
    }

    @Inject
    public JpaConsentStore(@TollgatePersistence EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Consent> find(String subject, String clientId) {
        return Optional.ofNullable(em.find(ConsentEntity.class, ConsentEntity.id(subject, clientId)))
                .map(ConsentEntity::toConsent);
    }

    @Override
    @Transactional
    public void save(Consent consent) {
        ConsentEntity existing = em.find(ConsentEntity.class, ConsentEntity.id(consent.subject(), consent.clientId()));
        if (existing == null) {
            em.persist(new ConsentEntity(consent));
        } else {
            existing.update(consent);
        }
    }

    @Override
    public List<Consent> findBySubject(String subject) {
        return em.createQuery("SELECT c FROM ConsentEntity c WHERE c.subject = :subject ORDER BY c.clientId",
                        ConsentEntity.class)
                .setParameter("subject", subject)
                .getResultList().stream()
                .map(ConsentEntity::toConsent)
                .toList();
    }

    @Override
    @Transactional
    public boolean delete(String subject, String clientId) {
        ConsentEntity existing = em.find(ConsentEntity.class, ConsentEntity.id(subject, clientId));
        if (existing == null) {
            return false;
        }
        em.remove(existing);
        return true;
    }
}
