package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import java.util.Map;

/**
 * The client credentials grant (RFC 6749 §4.4): a confidential client gets a token for itself, without a
 * resource owner and without a refresh token (§4.4.3).
 */
public final class ClientCredentialsGrant implements TokenGrant {

    public static final String GRANT_TYPE = "client_credentials";

    @Override
    public String grantType() {
        return GRANT_TYPE;
    }

    /** Only confidential clients (§4.4). */
    @Override
    public boolean requiresConfidentialClient() {
        return true;
    }

    @Override
    public TokenContext validateTokenRequest(TokenRequest request) {
        return new TokenContext(GRANT_TYPE, request.client(), null,
                request.scopes().resolve(request.client(), request.form("scope")), Secrets.randomToken(16), false,
                Map.of());
    }
}
