package dev.tollgate.oauth2;

/** A grant served at the token endpoint, chosen by {@code grant_type} (RFC 6749 §4). */
public interface TokenGrant extends Grant {

    /** Whether only clients that hold credentials may use it, e.g. client credentials (RFC 6749 §4.4). */
    default boolean requiresConfidentialClient() {
        return false;
    }

    /**
     * Authenticates the calling client. By default with the registered methods the grant accepts; a grant that
     * proves the client by its own assertion overrides this.
     *
     * @throws OAuth2Error {@code invalid_client}
     */
    default OAuth2Client authenticateClient(OAuth2Request request, ClientAuthenticator authenticator) {
        return authenticator.authenticate(request, requiresConfidentialClient());
    }

    /**
     * Validates a token request of an authenticated client and says what to issue; the server issues it and
     * writes the response.
     *
     * @throws OAuth2Error answered as JSON
     */
    TokenContext validateTokenRequest(TokenRequest request);

    /**
     * Checks, once the token is stored and before it is answered, that the grant was not revoked meanwhile by a
     * replay of what this request used once (a code, a refresh token): a revocation that came before the token
     * was stored did not reach it. Revokes and refuses then.
     *
     * @throws OAuth2Error {@code invalid_grant}, the token revoked
     */
    default void confirmIssued(TokenRequest request, TokenContext context) {
    }
}
