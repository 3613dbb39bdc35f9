package dev.tollgate.jakarta.oauth1.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Registers the test client at start. */
@ApplicationScoped
public class ShopSeed {

    public static final String CLIENT_ID = "shop-client";
    public static final String CLIENT_SECRET = "shop-secret";
    public static final String CALLBACK = "http://127.0.0.1:8765/callback";

    @PersistenceContext
    EntityManager em;

    @Transactional
    void seed(@Observes Startup startup) {
        if (em.find(ShopClient.class, CLIENT_ID) == null) {
            em.persist(new ShopClient(CLIENT_ID, CLIENT_SECRET, CALLBACK));
        }
    }
}
