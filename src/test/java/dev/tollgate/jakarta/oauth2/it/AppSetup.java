package dev.tollgate.jakarta.oauth2.it;

import dev.tollgate.common.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The application's registered clients. */
@ApplicationScoped
public class AppSetup {

    public static final String ISSUER = "https://tollgate.test";
    public static final String CALLBACK = "http://127.0.0.1:8765/callback";

    @PersistenceContext
    EntityManager em;

    @Transactional
    void seed(@Observes Startup startup) {
        if (em.find(AppClient.class, "app") == null) {
            em.persist(new AppClient("app", Secrets.sha256("app-secret"), "client_secret_basic", CALLBACK,
                    "authorization_code refresh_token client_credentials", "profile email", false));
            em.persist(new AppClient("spa", null, "none", CALLBACK, "authorization_code refresh_token", "profile",
                    false));
            em.persist(new AppClient("api", Secrets.sha256("api-secret"), "client_secret_post", null,
                    "client_credentials", "", true));
        }
    }
}
