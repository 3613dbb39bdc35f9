package dev.tollgate.oauth1;

import java.time.Instant;
import java.util.Optional;

/**
 * Keeps temporary credentials between the three legs of RFC 5849 §2. A cache with an expiry is the natural
 * home (JCache: {@code put}, {@code get}, {@code replace(key, old, new)}, {@code getAndRemove}). The server
 * also checks {@link TemporaryCredential#getExpiresAt()} itself, so expiry in the store is a clean-up, not a
 * security control.
 */
public interface TemporaryCredentialStore {

    /**
     * Saves and returns a new, unauthorized credential.
     *
     * @param token     the generated {@code oauth_token} and {@code oauth_token_secret}
     * @param clientId  the client that requested it
     * @param callback  its {@code oauth_callback}: an absolute URI or {@code oob}
     * @param expiresAt when it expires; it may be dropped from the store after that
     */
    TemporaryCredential create(GeneratedToken token, String clientId, String callback, Instant expiresAt);

    /** The credential with this {@code oauth_token}, if present. */
    Optional<TemporaryCredential> find(String token);

    /**
     * Attaches the resource owner and the verifier, atomically and only once: succeeds only if the credential
     * is present and not yet authorized (JCache: {@code replace(token, old, authorized)}).
     *
     * @return the authorized credential, or empty if it was absent or already authorized
     */
    Optional<TemporaryCredential> authorize(String token, String userId, String verifier);

    /**
     * Removes the credential and returns it, atomically: of concurrent callers at most one gets it
     * (JCache: {@code getAndRemove}; SQL: {@code DELETE ... RETURNING} or a locking read and delete).
     */
    Optional<TemporaryCredential> take(String token);

    /** Removes the credential if present. */
    void delete(String token);
}
