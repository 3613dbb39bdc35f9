package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import java.util.Set;

/**
 * Refreshing an access token (RFC 6749 §6). With rotation (the default) each refresh revokes the
 * presented token and issues a new refresh token; a refresh token presented after it was rotated out
 * or revoked revokes the whole grant (RFC 9700 §4.14.2). Without rotation the new token carries no
 * refresh token and the old refresh token stays valid. The scope can only narrow.
 */
public final class RefreshTokenGrant implements TokenGrant {

    public static final String GRANT_TYPE = "refresh_token";

    @Override
    public String grantType() {
        return GRANT_TYPE;
    }

    @Override
    public Set<String> clientAuthenticationMethods() {
        return ClientAuthentication.ALL;
    }

    @Override
    public OAuth2Response createTokenResponse(OAuth2Request request, OAuth2Client client, AuthorizationServer server) {
        String refreshToken = request.form("refresh_token");
        if (refreshToken == null) {
            throw OAuth2Error.invalidRequest("Missing refresh_token.");
        }
        OAuth2Token old = server.tokens().findByRefreshTokenHash(Secrets.sha256(refreshToken))
                .orElseThrow(() -> OAuth2Error.invalidGrant("The refresh token is invalid."));
        if (!old.getClientId().equals(client.getClientId())) {
            throw OAuth2Error.invalidGrant("The refresh token is invalid."); // §6: bound to the client
        }
        if (old.isRevoked()) {
            server.revokeGrant(old.getGrantId()); // RFC 9700 §4.14.2: replay of a rotated-out token
            throw OAuth2Error.invalidGrant("The refresh token is invalid.");
        }
        if (!old.isRefreshTokenActive(server.clock().instant())) {
            throw OAuth2Error.invalidGrant("The refresh token has expired.");
        }
        Set<String> scope = narrowScope(Scope.parse(old.getScope()), request.form("scope"));
        boolean rotate = server.settings().refreshTokenRotation();
        if (rotate && !server.revoke(old)) {
            server.revokeGrant(old.getGrantId()); // a concurrent use of the same refresh token
            throw OAuth2Error.invalidGrant("The refresh token is invalid.");
        }
        TokenResponse token = server.tokenIssuer().issue(GRANT_TYPE, client, old.getUsername(), scope,
                old.getGrantId(), rotate);
        return OAuth2Response.json(200, token.toJson());
    }

    // §6: the requested scope MUST NOT include any scope not originally granted; omitted means the same.
    private static Set<String> narrowScope(Set<String> original, String requested) {
        if (requested == null) {
            return original;
        }
        Set<String> scope = Scope.parse(requested);
        if (!original.containsAll(scope)) {
            throw OAuth2Error.invalidScope("The requested scope exceeds the original grant.");
        }
        return scope;
    }
}
