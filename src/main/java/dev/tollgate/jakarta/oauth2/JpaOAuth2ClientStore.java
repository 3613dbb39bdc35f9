package dev.tollgate.jakarta.oauth2;

import dev.tollgate.jakarta.persistence.TollgatePersistence;
import dev.tollgate.oauth2.ClientMetadata;
import dev.tollgate.oauth2.ClientStore;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.RegisteredClient;
import dev.tollgate.oidc.KeyEncryption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** OAuth 2.0 clients in JPA, as {@link OAuth2ClientEntity}. */
@ApplicationScoped
public class JpaOAuth2ClientStore implements ClientStore {

    private final EntityManager em;
    private final KeyEncryption encryption;

    /** For the CDI client proxy only. */
    protected JpaOAuth2ClientStore() {
        this.em = null;
        this.encryption = null;
    }

    @Inject
    public JpaOAuth2ClientStore(@TollgatePersistence EntityManager em, KeyEncryption encryption) {
        this.em = em;
        this.encryption = encryption;
    }

    @Override
    public Optional<OAuth2Client> find(String clientId) {
        return findEntity(clientId).map(OAuth2Client.class::cast);
    }

    public Optional<OAuth2ClientEntity> findEntity(String clientId) {
        return clientId == null ? Optional.empty()
                : Optional.ofNullable(em.find(OAuth2ClientEntity.class, clientId)).map(entity -> entity.unseal(encryption));
    }

    /** Stores a client registered through RFC 7591; its secret arrives hashed. */
    @Override
    @Transactional
    public void save(RegisteredClient client) {
        OAuth2ClientEntity entity = new OAuth2ClientEntity(client.getClientId(), client.metadata().clientName(),
                client.getClientSecretHash(), client.getTokenEndpointAuthMethod(), client.getRedirectUris(),
                client.getGrantTypes(), client.getResponseTypes(), client.getScope(), null,
                client.clientIdIssuedAt().toEpochMilli());
        entity.setDynamicallyRegistered(true);
        entity.setRegistered(client.metadata());
        entity.setClientSecret(client.getClientSecret(), encryption);
        entity.setRegistrationTokenHash(client.registrationAccessTokenHash());
        em.persist(entity);
    }

    /** A client that registered itself and may manage its registration (RFC 7592), as registered. */
    @Override
    public Optional<RegisteredClient> findRegistration(String clientId) {
        return findEntity(clientId).filter(entity -> entity.isDynamicallyRegistered()
                && entity.getRegistrationTokenHash() != null).map(JpaOAuth2ClientStore::registration);
    }

    private static RegisteredClient registration(OAuth2ClientEntity entity) {
        JsonObject registered = entity.getRegisteredMetadata();
        ClientMetadata metadata = registered != null ? ClientMetadata.fromJson(registered)
                : new ClientMetadata(entity.getRedirectUris(), entity.getTokenEndpointAuthMethod(),
                        List.copyOf(entity.getGrantTypes()), List.copyOf(entity.getResponseTypes()), entity.getScope(),
                        entity.getClientName(), null, null, null, null, List.of(), null, null, entity.getMetadata());
        return new RegisteredClient(entity.getClientId(), entity.getClientSecretHash(),
                Instant.ofEpochMilli(entity.getCreatedAt()), metadata, entity.getClientSecret(),
                entity.getRegistrationTokenHash());
    }

    /** Replaces a self-registered client's metadata and registration token hash, the row locked meanwhile. */
    @Override
    @Transactional
    public boolean update(RegisteredClient client, String expectedRegistrationAccessTokenHash) {
        OAuth2ClientEntity entity = em.find(OAuth2ClientEntity.class, client.getClientId(),
                LockModeType.PESSIMISTIC_WRITE);
        if (entity == null || !entity.isDynamicallyRegistered() || expectedRegistrationAccessTokenHash == null
                || !expectedRegistrationAccessTokenHash.equals(entity.getRegistrationTokenHash())) {
            return false;
        }
        entity.setRegistered(client.metadata());
        entity.setRegistrationTokenHash(client.registrationAccessTokenHash());
        return true;
    }

    /** Removes a client; its tokens and codes stay until they expire or are revoked. */
    @Override
    @Transactional
    public boolean delete(String clientId) {
        OAuth2ClientEntity entity = clientId == null ? null : em.find(OAuth2ClientEntity.class, clientId);
        if (entity == null) {
            return false;
        }
        em.remove(entity);
        return true;
    }

    /** Stores a client registered by other means, such as a developer page. */
    @Transactional
    public OAuth2ClientEntity save(OAuth2ClientEntity client) {
        em.persist(client);
        return client;
    }

    /** The clients a user registered, newest first. */
    public List<OAuth2ClientEntity> findByUser(String userId) {
        return em.createQuery("SELECT c FROM OAuth2ClientEntity c WHERE c.userId = :userId ORDER BY c.createdAt DESC",
                        OAuth2ClientEntity.class)
                .setParameter("userId", userId)
                .getResultList();
    }
}
