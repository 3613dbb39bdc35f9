package dev.tollgate.oauth1;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Clients in a map. */
final class InMemoryClientStore implements ClientStore {

    private final Map<String, OAuth1Client> clients = new ConcurrentHashMap<>();

    InMemoryClientStore add(OAuth1Client client) {
        clients.put(client.getClientId(), client);
        return this;
    }

    @Override
    public Optional<OAuth1Client> find(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }
}
