package dev.tollgate.oauth2;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

final class InMemoryClientStore implements ClientStore {

    final Map<String, OAuth2Client> clients = new ConcurrentHashMap<>();

    void add(OAuth2Client client) {
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
}
