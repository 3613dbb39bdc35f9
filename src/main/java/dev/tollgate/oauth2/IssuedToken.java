package dev.tollgate.oauth2;

import java.time.Instant;

/** The token value the server hands to {@link TokenStore#save}. */
public record IssuedToken(String accessTokenHash, String refreshTokenHash, String clientId, String username,
                          String scope, String grantId, Instant issuedAt, Instant expiresAt,
                          Instant refreshTokenExpiresAt, String refreshTokenScope) implements OAuth2Token {

    @Override
    public String getAccessTokenHash() {
        return accessTokenHash;
    }

    @Override
    public String getRefreshTokenHash() {
        return refreshTokenHash;
    }

    @Override
    public String getClientId() {
        return clientId;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getScope() {
        return scope;
    }

    @Override
    public String getRefreshTokenScope() {
        return refreshTokenScope == null ? scope : refreshTokenScope;
    }

    @Override
    public String getGrantId() {
        return grantId;
    }

    @Override
    public Instant getIssuedAt() {
        return issuedAt;
    }

    @Override
    public Instant getExpiresAt() {
        return expiresAt;
    }

    @Override
    public Instant getRefreshTokenExpiresAt() {
        return refreshTokenExpiresAt;
    }

    /** A newly issued token is never revoked. */
    @Override
    public boolean isRevoked() {
        return false;
    }
}
