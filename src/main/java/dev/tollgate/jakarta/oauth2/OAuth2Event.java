package dev.tollgate.jakarta.oauth2;

import dev.tollgate.oauth2.OAuth2Token;

/**
 * What the OAuth 2.0 server did, fired as a CDI event: observe it with
 * {@code void onToken(@Observes OAuth2Event event)}.
 *
 * @param kind     what happened
 * @param token    the token issued, revoked or authenticated; {@code null} for the other kinds
 * @param grantId  the grant the token belongs to, or the grant revoked; {@code null} for a client authenticated
 * @param clientId the client concerned; {@code null} for a grant revoked
 */
public record OAuth2Event(Kind kind, OAuth2Token token, String grantId, String clientId) {

    public enum Kind {
        /** A client authenticated at an endpoint (Authlib's {@code client_authenticated}). */
        CLIENT_AUTHENTICATED,
        /** A bearer token let a request through {@link BearerTokenFilter} (Authlib's {@code token_authenticated}). */
        TOKEN_AUTHENTICATED,
        /** A token was issued; only hashes are at hand, never the token itself. */
        TOKEN_ISSUED,
        /** A token was revoked by its client or by the resource owner. */
        TOKEN_REVOKED,
        /** Every token of a grant was revoked: a reused code or a replayed refresh token. */
        GRANT_REVOKED
    }
}
