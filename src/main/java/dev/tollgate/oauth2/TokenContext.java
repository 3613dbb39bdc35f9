package dev.tollgate.oauth2;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What to issue a token for: the grant's answer to a token request, or what an authorization grant issues
 * at the authorization endpoint. Token generators and extensions read it.
 *
 * @param grantType           the grant type that issues it
 * @param client              the client it is issued to
 * @param owner               the resource owner, or {@code null} for a client's own token
 * @param scope               the granted scope
 * @param grantId             the grant all tokens of one authorization share (one code, one refresh chain)
 * @param refreshTokenAllowed whether a refresh token may come with it (given to clients registered for it)
 * @param attributes          what grants and extensions add, e.g. the authorization request's attributes
 * @param refreshTokenScope   the scope of a refresh token issued with it: wider than {@code scope} when a
 *                            refresh narrowed the access token (RFC 6749 §6: the refresh token keeps its scope)
 */
public record TokenContext(String grantType, OAuth2Client client, ResourceOwner owner, Set<String> scope,
                           String grantId, boolean refreshTokenAllowed, Map<String, String> attributes,
                           Set<String> refreshTokenScope) {

    public TokenContext {
        scope = Set.copyOf(scope);
        attributes = Map.copyOf(attributes);
        refreshTokenScope = Set.copyOf(refreshTokenScope);
    }

    /** A context whose refresh token, if any, has the access token's scope. */
    public TokenContext(String grantType, OAuth2Client client, ResourceOwner owner, Set<String> scope,
                        String grantId, boolean refreshTokenAllowed, Map<String, String> attributes) {
        this(grantType, client, owner, scope, grantId, refreshTokenAllowed, attributes, scope);
    }

    /** The resource owner's subject, or {@code null} for a client's own token. */
    public String subject() {
        return owner == null ? null : owner.subject();
    }

    /** An attribute, or {@code null}. */
    public String attribute(String name) {
        return attributes.get(name);
    }

    /** This context with one more attribute. */
    public TokenContext withAttribute(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(attributes);
        more.put(name, value);
        return new TokenContext(grantType, client, owner, scope, grantId, refreshTokenAllowed, more,
                refreshTokenScope);
    }
}
