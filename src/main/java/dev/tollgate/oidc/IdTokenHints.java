package dev.tollgate.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tollgate.oauth2.OAuth2Error;
import java.text.ParseException;

/**
 * Reads an {@code id_token_hint} (Core §3.1.2.1, RP-Initiated Logout §2): an ID token this server signed with a
 * key it still publishes, typed as an ID token, issued here and naming a subject; expired or not.
 */
final class IdTokenHints {

    private final String issuer;
    private final Jwts jwts;

    IdTokenHints(String issuer, Jwts jwts) {
        this.issuer = issuer;
        this.jwts = jwts;
    }

    /**
     * The hint's claims.
     *
     * @throws OAuth2Error {@code invalid_request} for any other token
     */
    JWTClaimsSet verify(String hint) {
        try {
            JWTClaimsSet claims = jwts.verifyIdToken(hint);
            if (!issuer.equals(claims.getIssuer()) || claims.getSubject() == null) {
                throw OAuth2Error.invalidRequest("The id_token_hint was not issued here.");
            }
            return claims;
        } catch (ParseException e) {
            throw OAuth2Error.invalidRequest("Invalid id_token_hint.");
        }
    }
}
