package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds a presented token as an access or a refresh token, trying the {@code token_type_hint} first;
 * an unknown hint is ignored (RFC 7009 §2.1, RFC 7662 §2.1: the hint only speeds up the lookup).
 */
final class TokenLookup {

    static final String ACCESS_TOKEN = "access_token";
    static final String REFRESH_TOKEN = "refresh_token";

    /** A found token, and whether the presented string was its refresh token. */
    record Found(OAuth2Token token, boolean refreshToken) {
    }

    private TokenLookup() {
    }

    static Optional<Found> find(TokenStore store, String presented, String hint) {
        String hash = Secrets.sha256(presented);
        Optional<Found> asAccess = store.findByAccessTokenHash(hash).map(t -> new Found(t, false));
        if (REFRESH_TOKEN.equals(hint)) {
            Optional<Found> asRefresh = store.findByRefreshTokenHash(hash).map(t -> new Found(t, true));
            return asRefresh.isPresent() ? asRefresh : asAccess;
        }
        return asAccess.isPresent() ? asAccess : store.findByRefreshTokenHash(hash).map(t -> new Found(t, true));
    }

    /**
     * Finds a presented token that is active at {@code now}: as an access token through the resolver (which may
     * validate a self-contained token without the store), as a refresh token in the store.
     */
    static Optional<Found> findActive(AccessTokenResolver accessTokens, TokenStore store, String presented,
                                      String hint, Instant now) {
        if (REFRESH_TOKEN.equals(hint)) {
            Optional<Found> asRefresh = activeRefreshToken(store, presented, now);
            return asRefresh.isPresent() ? asRefresh : activeAccessToken(accessTokens, presented, now);
        }
        Optional<Found> asAccess = activeAccessToken(accessTokens, presented, now);
        return asAccess.isPresent() ? asAccess : activeRefreshToken(store, presented, now);
    }

    private static Optional<Found> activeAccessToken(AccessTokenResolver accessTokens, String presented,
                                                     Instant now) {
        return accessTokens.resolve(presented, now).filter(t -> t.isAccessTokenActive(now))
                .map(t -> new Found(t, false));
    }

    private static Optional<Found> activeRefreshToken(TokenStore store, String presented, Instant now) {
        return store.findByRefreshTokenHash(Secrets.sha256(presented)).filter(t -> t.isRefreshTokenActive(now))
                .map(t -> new Found(t, true));
    }
}
