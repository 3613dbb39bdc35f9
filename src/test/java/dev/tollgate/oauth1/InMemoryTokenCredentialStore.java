package dev.tollgate.oauth1;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Token credentials in a concurrent map. */
final class InMemoryTokenCredentialStore implements TokenCredentialStore {

    record Stored(String token, String secret, String clientId, String userId) implements TokenCredential {

        @Override
        public String getToken() {
            return token;
        }

        @Override
        public String getSecret() {
            return secret;
        }

        @Override
        public String getClientId() {
            return clientId;
        }

        @Override
        public String getUserId() {
            return userId;
        }
    }

    private final Map<String, Stored> credentials = new ConcurrentHashMap<>();

    @Override
    public TokenCredential create(TemporaryCredential authorized, GeneratedToken token) {
        Stored stored = new Stored(token.token(), token.secret(), authorized.getClientId(), authorized.getUserId());
        credentials.put(stored.token(), stored);
        return stored;
    }

    @Override
    public Optional<TokenCredential> find(String token) {
        return Optional.ofNullable(credentials.get(token));
    }

    TokenCredential add(String token, String secret, String clientId, String userId) {
        Stored stored = new Stored(token, secret, clientId, userId);
        credentials.put(token, stored);
        return stored;
    }

    int size() {
        return credentials.size();
    }
}
