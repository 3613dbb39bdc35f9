package dev.tollgate.oauth2;

import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.Set;

/**
 * Adds to a grant without changing it (Authlib's grant extensions, fosite's handlers): validates more of the
 * authorization and token requests, adds to the token response and describes itself in the metadata.
 * Register it with a grant, {@link OAuth2ServerBuilder#grant(Grant, GrantExtension...)}, or with every
 * grant, {@link OAuth2ServerBuilder#extension(GrantExtension)}. {@link CodeChallenge} (PKCE) is one.
 */
public interface GrantExtension {

    /**
     * Checks an authorization request once the grant has; may add attributes, which stay with the code.
     *
     * @throws OAuth2Error errors to be redirected to the client
     */
    default AuthorizationRequest validateAuthorizationRequest(AuthorizationRequest request, OAuth2Request http) {
        return request;
    }

    /**
     * Checks a token request before the grant does anything with it, so that a refusal costs the client nothing:
     * its code or refresh token stays usable (e.g. a DPoP proof that must carry a fresh server nonce, RFC 9449 §8).
     *
     * @return the request, with attributes for {@link #validateTokenRequest} if need be
     * @throws OAuth2Error answered as JSON
     */
    default TokenRequest checkTokenRequest(TokenRequest request) {
        return request;
    }

    /**
     * Checks a token request once the grant has, before anything is issued; may add attributes. The grant has
     * already consumed what is single-use (the code; with rotation, the refresh token), so a refusal here costs
     * the client that credential, as any failed redemption does (RFC 6749 §4.1.2).
     *
     * @param context what the grant would issue, with the attributes it carried (such as a code's)
     * @throws OAuth2Error answered as JSON
     */
    default TokenContext validateTokenRequest(TokenRequest request, TokenContext context) {
        return context;
    }

    /**
     * Adds to an authorization response about to be sent, e.g. an {@code id_token} beside {@code code} and
     * {@code access_token} (OpenID Connect Core §3.3.2.5); refuses nothing.
     *
     * @param parameters what the grant answers, with the token issued at the authorization endpoint, if any
     * @return the parameters to send
     */
    default Map<String, String> extendAuthorizationResponse(AuthorizationRequest request, ResourceOwner owner,
                                                            Map<String, String> parameters) {
        return parameters;
    }

    /** Adds to the response of a token already issued and stored, e.g. an {@code id_token}; refuses nothing. */
    default TokenResponse extendTokenResponse(TokenContext context, TokenResponse response) {
        return response;
    }

    /**
     * The names of the token context's attributes to keep with the issued token, so that they are there when
     * the token is used or refreshed (e.g. the claims requested for UserInfo); none by default.
     */
    default Set<String> tokenAttributes() {
        return Set.of();
    }

    /** Adds what it supports to the server metadata (RFC 8414 §2). */
    default void describe(JsonObjectBuilder metadata) {
    }
}
