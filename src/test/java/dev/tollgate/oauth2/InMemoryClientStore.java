package dev.tollgate.oauth2;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Clients in a map, registrations manageable (RFC 7592). */
public final class InMemoryClientStore implements ClientStore {

    final Map<String, OAuth2Client> clients = new ConcurrentHashMap<>();

    public void add(OAuth2Client client) {
        clients.put(client.getClientId(), client);
    }

    @Override
    public Optional<OAuth2Client> find(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    @Override
    public void save(RegisteredClient client) {
        if (clients.putIfAbsent(client.getClientId(), client) != null) {
            throw new IllegalStateException("duplicate client id");
        }
    }

    @Override
    public Optional<RegisteredClient> findRegistration(String clientId) {
        return clientId != null && clients.get(clientId) instanceof RegisteredClient registered
                ? Optional.of(registered) : Optional.empty();
    }

    @Override
    public boolean update(RegisteredClient client, String expectedRegistrationAccessTokenHash) {
        OAuth2Client current = clients.get(client.clientId());
        return current instanceof RegisteredClient registered
                && expectedRegistrationAccessTokenHash.equals(registered.registrationAccessTokenHash())
                && clients.replace(client.clientId(), current, client);
    }

    @Override
    public boolean delete(String clientId) {
        return clients.remove(clientId) != null;
    }
}
