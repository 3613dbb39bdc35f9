package dev.tollgate.oidc;

import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.AuthorizationGrant;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.AuthorizationResponse;
import dev.tollgate.oauth2.ImplicitGrant;
import dev.tollgate.oauth2.ResourceOwner;
import dev.tollgate.oauth2.ResponseMode;
import dev.tollgate.oauth2.ResponseType;
import dev.tollgate.oauth2.TokenContext;
import java.time.Instant;
import java.util.Map;

/**
 * The OpenID Connect implicit flow (Core §3.2): {@code id_token}, or {@code id_token token} with an access
 * token too, in the fragment by default and never with a refresh token. {@link OpenIdConnect} adds the ID token.
 */
public final class OpenIdImplicitGrant implements AuthorizationGrant {

    public static final ResponseType ID_TOKEN = ResponseType.parse("id_token");
    public static final ResponseType ID_TOKEN_TOKEN = ResponseType.parse("id_token token");

    private final ResponseType responseType;

    /** @param responseType {@link #ID_TOKEN} or {@link #ID_TOKEN_TOKEN} */
    public OpenIdImplicitGrant(ResponseType responseType) {
        if (!ID_TOKEN.equals(responseType) && !ID_TOKEN_TOKEN.equals(responseType)) {
            throw new IllegalArgumentException("Not an implicit response type: " + responseType);
        }
        this.responseType = responseType;
    }

    @Override
    public ResponseType responseType() {
        return responseType;
    }

    @Override
    public String grantType() {
        return ImplicitGrant.GRANT_TYPE;
    }

    @Override
    public ResponseMode defaultResponseMode() {
        return ResponseMode.FRAGMENT;
    }

    @Override
    public AuthorizationResponse createAuthorizationResponse(AuthorizationRequest request, ResourceOwner owner,
                                                             Instant now) {
        if (!responseType.values().contains("token")) {
            return AuthorizationResponse.of(Map.of());
        }
        return AuthorizationResponse.ofToken(new TokenContext(ImplicitGrant.GRANT_TYPE, request.client(), owner,
                request.scope(), Secrets.randomToken(16), false, request.attributes()));
    }
}
