package dev.tollgate.oauth2;

import java.time.Instant;

/**
 * A token request of an authenticated client, with what grants use to validate it.
 *
 * @param http   the request
 * @param client the authenticated client, already checked to be registered for the grant type
 * @param now    the time of the request
 * @param scopes the server's scope policy
 * @param tokens the issued tokens, to find and revoke
 */
public record TokenRequest(OAuth2Request http, OAuth2Client client, Instant now, ScopePolicy scopes,
                           IssuedTokens tokens) {

    /** A parameter of the form body (RFC 6749 §3.2), or {@code null}. */
    public String form(String name) {
        return http.form(name);
    }
}
