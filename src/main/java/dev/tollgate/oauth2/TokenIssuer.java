package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashMap;

/** Generates tokens, stores their hashes and reports them issued. */
final class TokenIssuer {

    private final TokenSettings settings;
    private final TokenStore store;
    private final Clock clock;
    private final TokenGenerator accessTokens;
    private final TokenGenerator refreshTokens;
    private final OAuth2EventListener events;
    private final Set<String> tokenAttributes;

    TokenIssuer(TokenSettings settings, TokenStore store, Clock clock, TokenGenerator accessTokens,
                TokenGenerator refreshTokens, OAuth2EventListener events, Set<String> tokenAttributes) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.events = events;
        this.tokenAttributes = Set.copyOf(tokenAttributes);
    }

    // only what extensions asked to keep: a code's other attributes (a PKCE challenge) end with the code
    private Map<String, String> tokenAttributes(TokenContext context) {
        Map<String, String> kept = new LinkedHashMap<>(context.attributes());
        kept.keySet().retainAll(tokenAttributes);
        return kept;
    }

    /**
     * Issues, saves and reports a token.
     *
     * @param withRefreshToken whether a refresh token comes with it
     */
    TokenResponse issue(TokenContext context, boolean withRefreshToken) {
        Instant now = clock.instant();
        Duration lifetime = settings.accessTokenLifetime(context.grantType());
        String accessToken = accessTokens.generate(context, now, now.plus(lifetime));
        String refreshToken = withRefreshToken ? refreshTokens.generate(context) : null;
        IssuedToken token = new IssuedToken(Secrets.sha256(accessToken),
                refreshToken == null ? null : Secrets.sha256(refreshToken), context.client().getClientId(),
                context.subject(), Scope.format(context.scope()), context.grantId(), now, now.plus(lifetime),
                refreshToken == null ? null : now.plus(settings.refreshTokenLifetime()),
                refreshToken == null ? null : Scope.format(context.refreshTokenScope()),
                context.owner() == null ? null : context.owner().authTime(), tokenAttributes(context));
        store.save(token);
        events.tokenIssued(token);
        return new TokenResponse(token, TokenResponse.BEARER, accessToken, lifetime.toSeconds(), refreshToken,
                token.getScope(), Map.of());
    }
}
