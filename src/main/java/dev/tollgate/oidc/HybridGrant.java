package dev.tollgate.oidc;

import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.AuthorizationCodeGrant;
import dev.tollgate.oauth2.AuthorizationGrant;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.AuthorizationResponse;
import dev.tollgate.oauth2.ImplicitGrant;
import dev.tollgate.oauth2.ResourceOwner;
import dev.tollgate.oauth2.ResponseMode;
import dev.tollgate.oauth2.ResponseType;
import dev.tollgate.oauth2.TokenContext;
import java.time.Instant;

/**
 * The OpenID Connect hybrid flow (Core §3.3): {@code code id_token}, {@code code token} or
 * {@code code id_token token}, in the fragment by default. The code is the code grant's, redeemed at the token
 * endpoint as usual; a token issued here shares the code's grant, so a replayed code revokes it too.
 * {@link OpenIdConnect} adds the ID token with its {@code c_hash}.
 */
public final class HybridGrant implements AuthorizationGrant {

    public static final ResponseType CODE_ID_TOKEN = ResponseType.parse("code id_token");
    public static final ResponseType CODE_TOKEN = ResponseType.parse("code token");
    public static final ResponseType CODE_ID_TOKEN_TOKEN = ResponseType.parse("code id_token token");

    private final AuthorizationCodeGrant codes;
    private final ResponseType responseType;

    public HybridGrant(AuthorizationCodeGrant codes, ResponseType responseType) {
        if (!responseType.values().contains("code") || responseType.values().size() < 2) {
            throw new IllegalArgumentException("Not a hybrid response type: " + responseType);
        }
        this.codes = codes;
        this.responseType = responseType;
    }

    @Override
    public ResponseType responseType() {
        return responseType;
    }

    /** The code's grant type, so that PKCE and the code's other extensions apply. */
    @Override
    public String grantType() {
        return AuthorizationCodeGrant.GRANT_TYPE;
    }

    @Override
    public ResponseMode defaultResponseMode() {
        return ResponseMode.FRAGMENT; // Core §3.3.2.5
    }

    @Override
    public AuthorizationResponse createAuthorizationResponse(AuthorizationRequest request, ResourceOwner owner,
                                                             Instant now) {
        AuthorizationResponse code = codes.createAuthorizationResponse(request, owner, now);
        if (!responseType.values().contains("token")) {
            return code;
        }
        String grantId = Secrets.sha256(code.parameters().get("code")); // the code grant's id: its hash
        return new AuthorizationResponse(code.parameters(), new TokenContext(ImplicitGrant.GRANT_TYPE,
                request.client(), owner, request.scope(), grantId, false, request.attributes()));
    }
}
