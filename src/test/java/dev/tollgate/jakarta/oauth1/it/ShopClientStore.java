package dev.tollgate.jakarta.oauth1.it;

import dev.tollgate.oauth1.ClientStore;
import dev.tollgate.oauth1.OAuth1Client;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The application's client store over its own entity; as an enabled alternative it replaces Tollgate's. */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class ShopClientStore implements ClientStore {

    @PersistenceContext
    EntityManager em;

    @Override
    public Optional<OAuth1Client> find(String clientId) {
        return Optional.ofNullable(em.find(ShopClient.class, clientId));
    }
}
