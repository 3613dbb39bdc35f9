package dev.tollgate.oauth2;

import java.time.Instant;
import java.util.Map;

/** The token value the server hands to {@link TokenStore#save}. */
public record IssuedToken(String accessTokenHash, String refreshTokenHash, String clientId, String username,
                          String scope, String grantId, Instant issuedAt, Instant expiresAt,
                          Instant refreshTokenExpiresAt, String refreshTokenScope, Instant authTime,
                          Map<String, String> attributes) implements OAuth2Token {

    public IssuedToken {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A token whose resource owner's authentication time is not known. */
    public IssuedToken(String accessTokenHash, String refreshTokenHash, String clientId, String username, String scope,
                       String grantId, Instant issuedAt, Instant expiresAt, Instant refreshTokenExpiresAt,
                       String refreshTokenScope) {
        this(accessTokenHash, refreshTokenHash, clientId, username, scope, grantId, issuedAt, expiresAt,
                refreshTokenExpiresAt, refreshTokenScope, null, Map.of());
    }

    @Override
    public Instant getAuthTime() {
        return authTime;
    }

    @Override
    public Map<String, String> getAttributes() {
        return attributes;
    }

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
