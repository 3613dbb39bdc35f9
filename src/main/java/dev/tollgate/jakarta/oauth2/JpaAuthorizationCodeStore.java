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

/** Authorization codes in JPA, as {@link AuthorizationCodeEntity}; redeemed by a conditional update. */
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
     * Reads the code (an unknown one costs that read alone), then marks it redeemed; only the caller whose update
     * changed the row has the first use. Concurrent callers all read it, but the database lets one update
     * succeed (RFC 6749 §4.1.2: used at most once).
     */
    @Override
    @Transactional
    public Optional<Redemption> redeem(String codeHash) {
        Optional<AuthorizationCodeEntity> code = em.createQuery(
                        "SELECT c FROM AuthorizationCodeEntity c WHERE c.codeHash = :hash", AuthorizationCodeEntity.class)
                .setParameter("hash", codeHash)
                .getResultStream().findFirst();
        if (code.isEmpty() || code.get().isRedeemed()) {
            return code.map(found -> new Redemption(found, false));
        }
        int updated = em.createQuery("UPDATE AuthorizationCodeEntity c SET c.redeemed = true"
                        + " WHERE c.codeHash = :hash AND (c.redeemed IS NULL OR c.redeemed = false)")
                .setParameter("hash", codeHash)
                .executeUpdate();
        return Optional.of(new Redemption(code.get(), updated == 1));
    }

    @Override
    @Transactional
    public void markReplayed(String codeHash) {
        em.createQuery("UPDATE AuthorizationCodeEntity c SET c.replayed = true WHERE c.codeHash = :hash")
                .setParameter("hash", codeHash)
                .executeUpdate();
    }

    @Override
    public boolean isReplayed(String codeHash) {
        return em.createQuery("SELECT c.replayed FROM AuthorizationCodeEntity c WHERE c.codeHash = :hash", Boolean.class)
                .setParameter("hash", codeHash)
                .getResultStream().anyMatch(Boolean.TRUE::equals);
    }

    @Override
    @Transactional
    public List<String> revokeAll(String subject, String clientId) {
        List<String> unredeemed = em.createQuery("SELECT c.codeHash FROM AuthorizationCodeEntity c"
                        + " WHERE c.username = :subject AND c.clientId = :clientId"
                        + " AND (c.redeemed IS NULL OR c.redeemed = false)", String.class)
                .setParameter("subject", subject)
                .setParameter("clientId", clientId)
                .getResultList();
        // every code, redeemed ones too: one being redeemed now revokes what it stores (confirmIssued)
        em.createQuery("UPDATE AuthorizationCodeEntity c SET c.redeemed = true, c.replayed = true"
                        + " WHERE c.username = :subject AND c.clientId = :clientId")
                .setParameter("subject", subject)
                .setParameter("clientId", clientId)
                .executeUpdate();
        return unredeemed;
    }
}
