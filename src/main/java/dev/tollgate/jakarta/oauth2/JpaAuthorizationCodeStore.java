package dev.tollgate.jakarta.oauth2;

import dev.tollgate.jakarta.persistence.TollgatePersistence;
import dev.tollgate.oauth2.AuthorizationCode;
import dev.tollgate.oauth2.AuthorizationCodeStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Authorization codes in JPA, as {@link AuthorizationCodeEntity}; taken by a conditional delete. */
@ApplicationScoped
public class JpaAuthorizationCodeStore implements AuthorizationCodeStore {

    private final EntityManager em;

    /** For the CDI client proxy only. */
    protected JpaAuthorizationCodeStore() {
        this.em = null;
    }

    @Inject
    public JpaAuthorizationCodeStore(@TollgatePersistence EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public void save(AuthorizationCode code) {
        em.persist(AuthorizationCodeEntity.of(code));
    }

    /**
     * Reads the code, then deletes it; only the caller whose delete removed the row gets it. Concurrent
     * callers all read it, but the database lets one delete succeed (RFC 6749 §4.1.2: used at most once).
     */
    @Override
    @Transactional
    public Optional<AuthorizationCode> take(String codeHash) {
        Optional<AuthorizationCode> code = em.createQuery(
                        "SELECT c FROM AuthorizationCodeEntity c WHERE c.codeHash = :hash", AuthorizationCodeEntity.class)
                .setParameter("hash", codeHash)
                .getResultStream().findFirst().map(AuthorizationCode.class::cast);
        if (code.isEmpty()) {
            return code;
        }
        int deleted = em.createQuery("DELETE FROM AuthorizationCodeEntity c WHERE c.codeHash = :hash")
                .setParameter("hash", codeHash)
                .executeUpdate();
        return deleted == 1 ? code : Optional.empty();
    }

    @Override
    @Transactional
    public List<String> removeAll(String subject, String clientId) {
        List<String> hashes = em.createQuery("SELECT c.codeHash FROM AuthorizationCodeEntity c"
                        + " WHERE c.username = :subject AND c.clientId = :clientId", String.class)
                .setParameter("subject", subject)
                .setParameter("clientId", clientId)
                .getResultList();
        em.createQuery("DELETE FROM AuthorizationCodeEntity c WHERE c.username = :subject AND c.clientId = :clientId")
                .setParameter("subject", subject)
                .setParameter("clientId", clientId)
                .executeUpdate();
        return hashes;
    }
}
