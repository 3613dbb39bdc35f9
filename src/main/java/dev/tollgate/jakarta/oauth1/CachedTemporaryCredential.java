package dev.tollgate.jakarta.oauth1;

import dev.tollgate.oauth1.TemporaryCredential;
import java.io.Serializable;
import java.time.Instant;

/** A temporary credential as a cache value: immutable and serializable, so clustered caches can ship it. */
public record CachedTemporaryCredential(String token, String secret, String clientId, String callback,
        String userId, String verifier, Instant expiresAt) implements TemporaryCredential, Serializable {

    /** This credential authorized by {@code user} with {@code newVerifier}. */
    public CachedTemporaryCredential authorizedBy(String user, String newVerifier) {
        return new CachedTemporaryCredential(token, secret, clientId, callback, user, newVerifier, expiresAt);
    }

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

    /** Never shows the secret or the verifier. */
    @Override
    public String toString() {
        return "CachedTemporaryCredential[clientId=" + clientId + ", userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
