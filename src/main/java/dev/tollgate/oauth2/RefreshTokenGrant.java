package dev.tollgate.oauth2;

import java.util.Map;
import java.util.Set;

/**
 * Refreshing an access token (RFC 6749 §6). With rotation (the default) each refresh revokes the presented
 * token and issues a new refresh token; a refresh token presented after it was rotated out or revoked revokes
 * the whole grant (RFC 9700 §4.14.2). Without rotation the new token carries no refresh token and the old
 * refresh token stays valid. The scope can only narrow.
 */
public final class RefreshTokenGrant implements TokenGrant {

    public static final String GRANT_TYPE = "refresh_token";

    private final boolean rotation;

    /** @param rotation issue a new refresh token on each refresh ({@link TokenSettings#refreshTokenRotation()}) */
    public RefreshTokenGrant(boolean rotation) {
        this.rotation = rotation;
    }

    @Override
    public String grantType() {
        return GRANT_TYPE;
    }

    @Override
    public TokenContext validateTokenRequest(TokenRequest request) {
        String refreshToken = request.form("refresh_token");
        if (refreshToken == null) {
            throw OAuth2Error.invalidRequest("Missing refresh_token.");
        }
        IssuedTokens tokens = request.tokens();
        OAuth2Token old = tokens.findByRefreshToken(refreshToken)
                .orElseThrow(() -> OAuth2Error.invalidGrant("The refresh token is invalid."));
        if (!old.getClientId().equals(request.client().getClientId())) {
            throw OAuth2Error.invalidGrant("The refresh token is invalid."); // §6: bound to the client
        }
        if (old.isRevoked()) {
            tokens.revokeGrant(old.getGrantId()); // RFC 9700 §4.14.2: replay of a rotated-out token
            throw OAuth2Error.invalidGrant("The refresh token is invalid.");
        }
        if (!old.isRefreshTokenActive(request.now())) {
            throw OAuth2Error.invalidGrant("The refresh token has expired.");
        }
        Set<String> granted = Scope.parse(old.getRefreshTokenScope());
        Set<String> scope = narrowScope(granted, request.form("scope"));
        if (rotation && !tokens.revoke(old)) {
            tokens.revokeGrant(old.getGrantId()); // a concurrent use of the same refresh token
            throw OAuth2Error.invalidGrant("The refresh token is invalid.");
        }
        ResourceOwner owner = old.getUsername() == null ? null
                : new ResourceOwner(old.getUsername(), old.getAuthTime(), Set.of(), null); // Core §12.2: same auth_time
        // §6: a new refresh token has the scope of the old one, however the access token was narrowed
        return new TokenContext(GRANT_TYPE, request.client(), owner, scope, old.getGrantId(), rotation,
                old.getAttributes(), granted); // what extensions kept with the token stays with the grant
    }

    /** A replay that came while this refresh was issuing (RFC 9700 §4.14.2) revokes its token too. */
    @Override
    public void confirmIssued(TokenRequest request, TokenContext context) {
        if (request.tokens().isGrantRevoked(context.grantId())) {
            request.tokens().revokeGrant(context.grantId());
            throw OAuth2Error.invalidGrant("The refresh token is invalid.");
        }
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
