package dev.tollgate.jakarta.oauth1;

import dev.tollgate.jakarta.persistence.TollgatePersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Registers the application's own OAuth 1.0a clients when it starts, idempotently: a missing client is created,
 * one that differs is brought in line, one that matches is left alone. The secret is kept as it is: HMAC-SHA1
 * signatures are keyed with it (RFC 5849 §3.4.2).
 */
@ApplicationScoped
public class OAuth1Clients {

    @Inject
    @TollgatePersistence
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * A client signing with its secret (HMAC-SHA1, PLAINTEXT), returning to the first callback unless it names
     * another of them.
     */
    @Transactional
    public void register(String clientId, String clientName, String secret, List<String> callbacks) {
        Objects.requireNonNull(secret, "secret");
        OAuth1ClientEntity existing = em.find(OAuth1ClientEntity.class, clientId);
        OAuth1ClientEntity wanted = new OAuth1ClientEntity(clientId, clientName, secret, null,
                callbacks.isEmpty() ? null : callbacks.get(0), callbacks, null,
                existing == null ? clock.millis() : existing.getCreatedAt());
        if (existing == null) {
            em.persist(wanted);
        } else if (!matches(existing, wanted)) {
            em.merge(wanted);
        }
    }

    static boolean matches(OAuth1ClientEntity a, OAuth1ClientEntity b) {
        return Objects.equals(a.getClientName(), b.getClientName())
                && Objects.equals(a.getClientSecret(), b.getClientSecret())
                && Objects.equals(a.getRsaPublicKey(), b.getRsaPublicKey())
                && Objects.equals(a.getDefaultRedirectUri(), b.getDefaultRedirectUri())
                && a.getRedirectUris().equals(b.getRedirectUris());
    }
}
