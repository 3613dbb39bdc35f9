package dev.tollgate.jakarta.oauth2.it;

import dev.tollgate.oauth2.ClientStore;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.RegisteredClient;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The application's client store over its own entity; as an enabled alternative it replaces Tollgate's. */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class AppClientStore implements ClientStore {

    @PersistenceContext
    EntityManager em;

    @Override
    public Optional<OAuth2Client> find(String clientId) {
        return Optional.ofNullable(em.find(AppClient.class, clientId));
    }

    @Override
    @Transactional
    public void save(RegisteredClient client) {
        em.persist(new AppClient(client.getClientId(), client.getClientSecretHash(), client.getTokenEndpointAuthMethod(),
                client.getRedirectUris().isEmpty() ? null : client.getRedirectUris().get(0),
                String.join(" ", client.getGrantTypes()), client.getScope(), false));
    }
}
