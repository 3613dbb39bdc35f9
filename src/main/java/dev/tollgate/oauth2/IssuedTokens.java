package dev.tollgate.oauth2;

import java.util.Optional;

/** What grants may do with issued tokens: find a refresh token, revoke a token or a whole grant, with events. */
public interface IssuedTokens {

    /** The token a refresh token string belongs to, revoked or not. */
    Optional<OAuth2Token> findByRefreshToken(String refreshToken);

    /** Revokes one token; whether this call revoked it (of concurrent calls, one does). */
    boolean revoke(OAuth2Token token);

    /** Revokes every token of a grant (code reuse, refresh-token replay). */
    void revokeGrant(String grantId);

    /** Revokes every token of a client, with its grants, e.g. once its registration is deleted. */
    void revokeClient(String clientId);

    /** Whether the grant was revoked, for a token saved while it was (see {@link TokenStore#isGrantRevoked}). */
    boolean isGrantRevoked(String grantId);
}
