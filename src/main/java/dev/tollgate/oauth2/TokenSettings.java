package dev.tollgate.oauth2;

import java.time.Duration;
import java.util.Map;

/**
 * How long what the server issues lives, and whether refresh tokens rotate. Change the defaults with the
 * {@code with} methods: {@code TokenSettings.DEFAULT.withAccessTokenLifetime(Duration.ofMinutes(10))}.
 *
 * @param authorizationCodeLifetime how long a code can be redeemed (RFC 6749 §4.1.2: 10 minutes at most)
 * @param accessTokenLifetime       access token lifetime for grants not in {@code accessTokenLifetimes}
 * @param accessTokenLifetimes      access token lifetime per grant type
 * @param refreshTokenLifetime      refresh token lifetime, counted from its issue
 * @param refreshTokenRotation      issue a new refresh token on each refresh (RFC 9700 §4.14.2)
 */
public record TokenSettings(Duration authorizationCodeLifetime, Duration accessTokenLifetime,
                            Map<String, Duration> accessTokenLifetimes, Duration refreshTokenLifetime,
                            boolean refreshTokenRotation) {

    /** Codes for 5 minutes, access tokens for an hour, refresh tokens for 14 days, rotated. */
    public static final TokenSettings DEFAULT = new TokenSettings(Duration.ofMinutes(5), Duration.ofHours(1),
            Map.of(), Duration.ofDays(14), true);

    public TokenSettings {
        accessTokenLifetimes = Map.copyOf(accessTokenLifetimes);
    }

    /** The longest an access token of any grant type lives: how long a revoked one must stay denied. */
    public Duration longestAccessTokenLifetime() {
        return accessTokenLifetimes.values().stream().reduce(accessTokenLifetime,
                (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    /** The access token lifetime for a grant type. */
    public Duration accessTokenLifetime(String grantType) {
        return accessTokenLifetimes.getOrDefault(grantType, accessTokenLifetime);
    }

    public TokenSettings withAuthorizationCodeLifetime(Duration lifetime) {
        return new TokenSettings(lifetime, accessTokenLifetime, accessTokenLifetimes, refreshTokenLifetime,
                refreshTokenRotation);
    }

    public TokenSettings withAccessTokenLifetime(Duration lifetime) {
        return new TokenSettings(authorizationCodeLifetime, lifetime, accessTokenLifetimes, refreshTokenLifetime,
                refreshTokenRotation);
    }

    public TokenSettings withAccessTokenLifetimes(Map<String, Duration> lifetimes) {
        return new TokenSettings(authorizationCodeLifetime, accessTokenLifetime, lifetimes, refreshTokenLifetime,
                refreshTokenRotation);
    }

    public TokenSettings withRefreshTokenLifetime(Duration lifetime) {
        return new TokenSettings(authorizationCodeLifetime, accessTokenLifetime, accessTokenLifetimes, lifetime,
                refreshTokenRotation);
    }

    public TokenSettings withRefreshTokenRotation(boolean rotate) {
        return new TokenSettings(authorizationCodeLifetime, accessTokenLifetime, accessTokenLifetimes,
                refreshTokenLifetime, rotate);
    }
}
