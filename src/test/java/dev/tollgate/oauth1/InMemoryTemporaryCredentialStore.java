package dev.tollgate.oauth1;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Temporary credentials in a concurrent map: {@code replace(k, old, new)} and {@code remove} are atomic. */
final class InMemoryTemporaryCredentialStore implements TemporaryCredentialStore {

    record Stored(String token, String secret, String clientId, String callback, String userId, String verifier,
            Instant expiresAt) implements TemporaryCredential {

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
        public String getCallback() {
            return callback;
        }

        @Override
        public String getUserId() {
            return userId;
        }

        @Override
        public String getVerifier() {
            return verifier;
        }

        @Override
        public Instant getExpiresAt() {
            return expiresAt;
        }
    }

    private final Map<String, Stored> credentials = new ConcurrentHashMap<>();

    @Override
    public TemporaryCredential create(GeneratedToken token, String clientId, String callback, Instant expiresAt) {
        Stored stored = new Stored(token.token(), token.secret(), clientId, callback, null, null, expiresAt);
        if (credentials.putIfAbsent(stored.token(), stored) != null) {
            throw new IllegalStateException("Token collision");
        }
        return stored;
    }

    @Override
    public Optional<TemporaryCredential> find(String token) {
        return Optional.ofNullable(credentials.get(token));
    }

    @Override
    public Optional<TemporaryCredential> authorize(String token, String userId, String verifier) {
        Stored current = credentials.get(token);
        if (current == null || current.isAuthorized()) {
            return Optional.empty();
        }
        Stored authorized = new Stored(current.token(), current.secret(), current.clientId(), current.callback(),
                userId, verifier, current.expiresAt());
        return credentials.replace(token, current, authorized) ? Optional.of(authorized) : Optional.empty();
    }

    @Override
    public Optional<TemporaryCredential> take(String token) {
        return Optional.ofNullable(credentials.remove(token));
    }

    @Override
    public void delete(String token) {
        credentials.remove(token);
    }

    int size() {
        return credentials.size();
    }
}
