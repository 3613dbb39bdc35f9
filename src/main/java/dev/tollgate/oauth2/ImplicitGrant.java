package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import java.time.Instant;
import java.util.Map;

/**
 * The implicit grant (RFC 6749 §4.2): {@code response_type=token}, the access token in the redirect's
 * fragment and never a refresh token. RFC 9700 §2.1.2 advises against it; it is registered only when
 * {@link GrantSettings#implicitGrantEnabled()} and used only by clients registered for {@code token}.
 */
public final class ImplicitGrant implements AuthorizationGrant {

    public static final String GRANT_TYPE = "implicit";

    @Override
    public ResponseType responseType() {
        return ResponseType.TOKEN;
    }

    @Override
    public String grantType() {
        return GRANT_TYPE;
    }

    @Override
    public ResponseMode defaultResponseMode() {
        return ResponseMode.FRAGMENT;
    }

    @Override
    public AuthorizationResponse createAuthorizationResponse(AuthorizationRequest request, ResourceOwner owner,
                                                             Instant now) {
        return AuthorizationResponse.ofToken(new TokenContext(GRANT_TYPE, request.client(), owner, request.scope(),
                Secrets.randomToken(16), false, Map.of())); // §4.2.2: MUST NOT issue a refresh token
    }
}
