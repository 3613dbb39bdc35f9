package dev.tollgate.jakarta.oauth1;

import dev.tollgate.oauth1.GeneratedToken;
import dev.tollgate.oauth1.TemporaryCredential;
import dev.tollgate.oauth1.TemporaryCredentialStore;
import java.time.Instant;
import java.util.Optional;
import javax.cache.Cache;

/** Temporary credentials in a JCache cache, keyed by {@code oauth_token}; authorize and take are atomic. */
public class JCacheTemporaryCredentialStore implements TemporaryCredentialStore {

    private final Cache<String, CachedTemporaryCredential> cache;

    public JCacheTemporaryCredentialStore(Cache<String, CachedTemporaryCredential> cache) {
        this.cache = cache;
    }

    @Override
    public TemporaryCredential create(GeneratedToken token, String clientId, String callback, Instant expiresAt) {
        CachedTemporaryCredential credential = new CachedTemporaryCredential(token.token(), token.secret(), clientId,
                callback, null, null, expiresAt);
        if (!cache.putIfAbsent(token.token(), credential)) {
            throw new IllegalStateException("The token generator repeated a token");
        }
        return credential;
    }

    @Override
    public Optional<TemporaryCredential> find(String token) {
        return Optional.ofNullable(cache.get(token));
    }

    @Override
    public Optional<TemporaryCredential> authorize(String token, String userId, String verifier) {
        CachedTemporaryCredential current = cache.get(token);
        if (current == null || current.isAuthorized()) {
            return Optional.empty();
        }
        CachedTemporaryCredential authorized = current.authorizedBy(userId, verifier);
        // compare-and-set: of two concurrent authorizations only one replaces the unauthorized value
        return cache.replace(token, current, authorized) ? Optional.of(authorized) : Optional.empty();
    }

    @Override
    public Optional<TemporaryCredential> take(String token) {
        return Optional.ofNullable(cache.getAndRemove(token));
    }

    @Override
    public void delete(String token) {
        cache.remove(token);
    }
}
