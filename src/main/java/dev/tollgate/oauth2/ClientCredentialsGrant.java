package dev.tollgate.oauth2;

import java.util.Set;

/**
 * The client credentials grant (RFC 6749 §4.4): a confidential client gets a token for itself,
 * without a user and without a refresh token (§4.4.3).
 */
public final class ClientCredentialsGrant implements TokenGrant {

    public static final String GRANT_TYPE = "client_credentials";

    @Override
    public String grantType() {
        return GRANT_TYPE;
    }

    /** Only confidential clients (§4.4). */
    @Override
    public Set<String> clientAuthenticationMethods() {
        return ClientAuthentication.CONFIDENTIAL;
    }

    @Override
    public OAuth2Response createTokenResponse(OAuth2Request request, OAuth2Client client, AuthorizationServer server) {
        Set<String> scope = server.resolveScope(client, request.form("scope"));
        TokenResponse token = server.tokenIssuer().issue(GRANT_TYPE, client, null, scope, server.newGrantId(), false);
        return OAuth2Response.json(200, token.toJson());
    }
}
