package dev.tollgate.oauth1;

import java.util.Optional;

/** Keeps token credentials: long-lived, so a database is the natural home. */
public interface TokenCredentialStore {

    /**
     * Saves and returns a token credential for the client and resource owner of an authorized temporary
     * credential (RFC 5849 §2.3).
     *
     * @param authorized the temporary credential, already taken from its store
     * @param token      the generated {@code oauth_token} and {@code oauth_token_secret}
     */
    TokenCredential create(TemporaryCredential authorized, GeneratedToken token);

    /** The token credential with this {@code oauth_token}, if present. */
    Optional<TokenCredential> find(String token);
}
