package dev.tollgate.oauth2;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token request of an authenticated client, with what grants use to validate it.
 *
 * @param http       the request
 * @param client     the authenticated client, already checked to be registered for the grant type
 * @param now        the time of the request
 * @param scopes     the server's scope policy
 * @param tokens     the issued tokens, to find and revoke
 * @param attributes what extensions found checking it before the grant ({@link GrantExtension#checkTokenRequest}),
 *                   e.g. the key a DPoP proof proved
 */
public record TokenRequest(OAuth2Request http, OAuth2Client client, Instant now, ScopePolicy scopes,
                           IssuedTokens tokens, Map<String, String> attributes) {

    public TokenRequest {
        attributes = Map.copyOf(attributes);
    }

    public TokenRequest(OAuth2Request http, OAuth2Client client, Instant now, ScopePolicy scopes,
                        IssuedTokens tokens) {
        this(http, client, now, scopes, tokens, Map.of());
    }

    /** A parameter of the form body (RFC 6749 §3.2), or {@code null}. */
    public String form(String name) {
        return http.form(name);
    }

    /** An attribute an extension set, or {@code null}. */
    public String attribute(String name) {
        return attributes.get(name);
    }

    public TokenRequest withAttribute(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(attributes);
        more.put(name, value);
        return new TokenRequest(http, client, now, scopes, tokens, more);
    }
}
