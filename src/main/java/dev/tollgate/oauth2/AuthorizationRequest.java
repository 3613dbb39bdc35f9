package dev.tollgate.oauth2;

import java.util.Set;

/**
 * A validated authorization request (RFC 6749 §4.1.1, §4.2.1): what the consent page shows and what
 * {@link AuthorizationServer#createAuthorizationResponse(AuthorizationRequest, String)} acts on.
 *
 * @param client              the requesting client
 * @param responseType        {@code code} or {@code token}
 * @param redirectUri         where the response goes: the requested URI, or the client's only one
 * @param requestedRedirectUri the {@code redirect_uri} parameter as sent, or {@code null} (§4.1.3)
 * @param scope               the scope to grant: the requested one, or the client's default
 * @param state               the client's {@code state}, or {@code null}
 * @param codeChallenge       the PKCE challenge (RFC 7636), or {@code null}
 * @param codeChallengeMethod {@code S256} or {@code plain} with a challenge, else {@code null}
 */
public record AuthorizationRequest(OAuth2Client client, String responseType, String redirectUri,
                                   String requestedRedirectUri, Set<String> scope, String state,
                                   String codeChallenge, String codeChallengeMethod) {

    public AuthorizationRequest {
        scope = Set.copyOf(scope);
    }

    /** This request with a PKCE challenge. */
    public AuthorizationRequest withCodeChallenge(String challenge, String method) {
        return new AuthorizationRequest(client, responseType, redirectUri, requestedRedirectUri, scope, state,
                challenge, method);
    }
}
