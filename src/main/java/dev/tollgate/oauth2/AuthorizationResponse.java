package dev.tollgate.oauth2;

import java.util.Map;

/**
 * What an authorization grant answers for a granted request: parameters for the client and, for grants that
 * issue a token at the authorization endpoint, what to issue. The server adds {@code state} and {@code iss}
 * and delivers it in the request's response mode.
 *
 * @param parameters the grant's parameters, e.g. {@code code}
 * @param token      the token to issue into the response, or {@code null}
 */
public record AuthorizationResponse(Map<String, String> parameters, TokenContext token) {

    public AuthorizationResponse {
        parameters = Map.copyOf(parameters);
    }

    /** A response of parameters only. */
    public static AuthorizationResponse of(Map<String, String> parameters) {
        return new AuthorizationResponse(parameters, null);
    }

    /** A response that carries a token (RFC 6749 §4.2.2). */
    public static AuthorizationResponse ofToken(TokenContext token) {
        return new AuthorizationResponse(Map.of(), token);
    }

    /** The parameter names only: a value may be a code. */
    @Override
    public String toString() {
        return "AuthorizationResponse[parameters=" + parameters.keySet() + ", token=" + (token != null) + "]";
    }
}
