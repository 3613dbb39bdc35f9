package dev.tollgate.oauth2;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Validates a bearer access token (RFC 6750): found by its {@link AccessTokenResolver} (by default looked up by
 * its hash in the store), not expired, not revoked, and carrying one of the required scope sets.
 */
public final class BearerTokenValidator {

    private final AccessTokenResolver tokens;
    private final Clock clock;
    private final String realm;

    /** A validator of the tokens in the store. */
    public BearerTokenValidator(TokenStore tokens, Clock clock, String realm) {
        this(AccessTokenResolver.store(tokens), clock, realm);
    }

    /** A validator of the tokens the resolver knows, e.g. self-contained ones validated without the store. */
    public BearerTokenValidator(AccessTokenResolver tokens, Clock clock, String realm) {
        this.tokens = tokens;
        this.clock = clock;
        this.realm = realm;
    }

    /**
     * The token, if it is active and has the scope.
     *
     * @param requiredScopes alternatives: the token must hold every scope of at least one of them; an
     *                       empty list requires nothing (Authlib's semantics)
     * @throws OAuth2Error 401 {@code invalid_token} or 403 {@code insufficient_scope} (RFC 6750 §3.1)
     */
    public OAuth2Token validate(String accessToken, List<Set<String>> requiredScopes) {
        Instant now = clock.instant();
        OAuth2Token token = tokens.resolve(accessToken, now)
                .filter(t -> t.isAccessTokenActive(now))
                .orElseThrow(() -> error(OAuth2Error.INVALID_TOKEN,
                        "The access token is invalid, expired or revoked.", 401, null));
        Set<String> granted = Scope.parse(token.getScope());
        if (!requiredScopes.isEmpty() && requiredScopes.stream().noneMatch(granted::containsAll)) {
            throw error(OAuth2Error.INSUFFICIENT_SCOPE, "The access token lacks the required scope.", 403,
                    Scope.format(requiredScopes.get(0)));
        }
        return token;
    }

    String realm() {
        return realm;
    }

    /** An error with its {@code WWW-Authenticate: Bearer} challenge; a {@code null} code means no credentials. */
    OAuth2Error error(String code, String description, int status, String scope) {
        String body = code == null ? OAuth2Error.MISSING_AUTHORIZATION : code;
        return new OAuth2Error(body, description, status).withChallenge(status, "WWW-Authenticate",
                BearerChallenge.of(realm, code, code == null ? null : description, scope));
    }
}
