package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Generates bearer tokens, stores their hashes and reports them issued. */
public final class TokenIssuer {

    private final OAuth2Settings settings;
    private final TokenStore store;
    private final Clock clock;
    private final TokenGenerator accessTokenGenerator;
    private final TokenGenerator refreshTokenGenerator;
    private final OAuth2EventListener events;

    public TokenIssuer(OAuth2Settings settings, TokenStore store, Clock clock, TokenGenerator accessTokenGenerator,
                       TokenGenerator refreshTokenGenerator, OAuth2EventListener events) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.accessTokenGenerator = accessTokenGenerator;
        this.refreshTokenGenerator = refreshTokenGenerator;
        this.events = events;
    }

    /**
     * Issues, saves and reports a token.
     *
     * @param username            the resource owner, or {@code null} for the client itself
     * @param grantId             the grant the token belongs to
     * @param includeRefreshToken whether to issue a refresh token with it
     */
    public TokenResponse issue(String grantType, OAuth2Client client, String username, Set<String> scope,
                               String grantId, boolean includeRefreshToken) {
        Instant now = clock.instant();
        Duration lifetime = settings.accessTokenLifetime(grantType);
        String accessToken = accessTokenGenerator.generate(grantType, client, username, scope);
        String refreshToken = includeRefreshToken
                ? refreshTokenGenerator.generate(grantType, client, username, scope) : null;
        IssuedToken token = new IssuedToken(Secrets.sha256(accessToken),
                refreshToken == null ? null : Secrets.sha256(refreshToken), client.getClientId(), username,
                Scope.format(scope), grantId, now, now.plus(lifetime),
                refreshToken == null ? null : now.plus(settings.refreshTokenLifetime()));
        store.save(token);
        events.tokenIssued(token);
        return new TokenResponse(token, accessToken, lifetime.toSeconds(), refreshToken, token.getScope());
    }
}
