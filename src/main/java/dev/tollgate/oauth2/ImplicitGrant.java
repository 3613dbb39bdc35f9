package dev.tollgate.oauth2;

import java.util.Map;

/**
 * The implicit grant (RFC 6749 §4.2): {@code response_type=token}, the access token in the redirect's
 * fragment and never a refresh token. RFC 9700 §2.1.2 advises against it; it is registered only when
 * {@link OAuth2Settings#implicitGrantEnabled()} and used only by clients registered for {@code token}.
 */
public final class ImplicitGrant implements AuthorizationGrant {

    public static final String RESPONSE_TYPE = "token";
    public static final String GRANT_TYPE = "implicit";

    @Override
    public String responseType() {
        return RESPONSE_TYPE;
    }

    @Override
    public String grantType() {
        return GRANT_TYPE;
    }

    @Override
    public boolean usesFragment() {
        return true;
    }

    @Override
    public AuthorizationRequest validateAuthorizationRequest(AuthorizationRequest authorization, OAuth2Request request,
                                                             AuthorizationServer server) {
        return authorization;
    }

    @Override
    public OAuth2Response createAuthorizationResponse(AuthorizationRequest authorization, String username,
                                                      AuthorizationServer server) {
        TokenResponse token = server.tokenIssuer().issue(GRANT_TYPE, authorization.client(), username,
                authorization.scope(), server.newGrantId(), false); // §4.2.2: MUST NOT issue a refresh token
        Map<String, String> parameters = token.toParameters();
        parameters.put("state", authorization.state());
        parameters.put("iss", server.settings().issuer()); // RFC 9207 §2
        return OAuth2Response.redirect(authorization.redirectUri(), parameters, true);
    }
}
