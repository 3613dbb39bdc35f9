package dev.tollgate.jakarta.oauth2;

import dev.tollgate.oauth2.OAuth2Token;

/**
 * What the OAuth 2.0 server did, fired as a CDI event: observe it with
 * {@code void onToken(@Observes OAuth2Event event)}.
 *
 * @param kind    what happened
 * @param token   the token issued or revoked; {@code null} for {@link Kind#GRANT_REVOKED}
 * @param grantId the grant the token belongs to, or the grant revoked
 */
public record OAuth2Event(Kind kind, OAuth2Token token, String grantId) {

    public enum Kind {
        /** A token was issued; only hashes are at hand, never the token itself. */
        TOKEN_ISSUED,
        /** A token was revoked by its client or by the resource owner. */
        TOKEN_REVOKED,
        /** Every token of a grant was revoked: a reused code or a replayed refresh token. */
        GRANT_REVOKED
    }
}
