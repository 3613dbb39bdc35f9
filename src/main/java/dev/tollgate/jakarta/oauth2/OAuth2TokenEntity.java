package dev.tollgate.jakarta.oauth2;

import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.oauth2.OAuth2Token;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An issued access token and its refresh token, stored as SHA-256 hashes and looked up by them: a copy of the
 * table grants nothing. Times are epoch milliseconds, portable across JPA providers. Not cached, so a
 * revocation is seen at once.
 */
@Entity
@Cacheable(false)
@Table(name = "TOLLGATE_OAUTH2_TOKEN", indexes = {
    @Index(name = "UX_TG_OAUTH2_ACCESS_HASH", columnList = "ACCESS_TOKEN_HASH", unique = true),
    @Index(name = "UX_TG_OAUTH2_REFRESH_HASH", columnList = "REFRESH_TOKEN_HASH", unique = true),
    @Index(name = "IX_TG_OAUTH2_TOKEN_GRANT", columnList = "GRANT_ID"),
    @Index(name = "IX_TG_OAUTH2_TOKEN_USER", columnList = "USERNAME"),
    @Index(name = "IX_TG_OAUTH2_TOKEN_EXPIRES", columnList = "EXPIRES_AT")
})
public class OAuth2TokenEntity implements OAuth2Token {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "ACCESS_TOKEN_HASH", nullable = false, length = 64)
    private String accessTokenHash;

    @Column(name = "REFRESH_TOKEN_HASH", length = 64)
    private String refreshTokenHash;

    @Column(name = "CLIENT_ID", nullable = false, length = 128)
    private String clientId;

    @Column(name = "USERNAME", length = 255)
    private String username;

    @Column(name = "SCOPE", length = 2000)
    private String scope;

    @Column(name = "GRANT_ID", nullable = false, length = 64)
    private String grantId;

    @Column(name = "ISSUED_AT", nullable = false)
    private long issuedAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "REFRESH_TOKEN_EXPIRES_AT")
    private Long refreshTokenExpiresAt;

    @Column(name = "REVOKED", nullable = false)
    private boolean revoked;

    /** Revoked with its whole grant (a replay), not only rotated out; {@code null} in rows of older versions. */
    @Column(name = "GRANT_REVOKED")
    private Boolean grantRevoked;

    /** The refresh token's scope when it is wider than the access token's; else {@code null}. */
    @Column(name = "REFRESH_TOKEN_SCOPE", length = 2000)
    private String refreshTokenScope;

    /** When the resource owner authenticated, epoch seconds (OpenID Connect {@code auth_time}); else {@code null}. */
    @Column(name = "AUTH_TIME")
    private Long authTime;

    /** What extensions keep with the token, form-encoded; {@code null} when nothing. */
    @Column(name = "ATTRIBUTES", length = 4000)
    private String attributes;

    protected OAuth2TokenEntity() {
    }

    /** The entity for a token the core issued. */
    public static OAuth2TokenEntity of(OAuth2Token token) {
        OAuth2TokenEntity entity = new OAuth2TokenEntity();
        entity.accessTokenHash = token.getAccessTokenHash();
        entity.refreshTokenHash = token.getRefreshTokenHash();
        entity.clientId = token.getClientId();
        entity.username = token.getUsername();
        entity.scope = token.getScope();
        entity.grantId = token.getGrantId();
        entity.issuedAt = token.getIssuedAt().toEpochMilli();
        entity.expiresAt = token.getExpiresAt().toEpochMilli();
        entity.refreshTokenExpiresAt = token.getRefreshTokenExpiresAt() == null
                ? null : token.getRefreshTokenExpiresAt().toEpochMilli();
        entity.revoked = token.isRevoked();
        entity.grantRevoked = false;
        entity.refreshTokenScope = token.getRefreshTokenScope().equals(token.getScope())
                ? null : token.getRefreshTokenScope();
        entity.authTime = token.getAuthTime() == null ? null : token.getAuthTime().getEpochSecond();
        entity.attributes = token.getAttributes().isEmpty() ? null : FormUrlEncoding.format(token.getAttributes());
        return entity;
    }

    public Long getId() {
        return id;
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
    public Map<String, String> getAttributes() {
        Map<String, String> map = new LinkedHashMap<>();
        if (attributes != null) {
            FormUrlEncoding.parse(attributes).forEach(pair -> map.put(pair.getKey(), pair.getValue()));
        }
        return map;
    }

    @Override
    public Instant getAuthTime() {
        return authTime == null ? null : Instant.ofEpochSecond(authTime);
    }

    @Override
    public String getGrantId() {
        return grantId;
    }

    @Override
    public Instant getIssuedAt() {
        return Instant.ofEpochMilli(issuedAt);
    }

    @Override
    public Instant getExpiresAt() {
        return Instant.ofEpochMilli(expiresAt);
    }

    @Override
    public Instant getRefreshTokenExpiresAt() {
        return refreshTokenExpiresAt == null ? null : Instant.ofEpochMilli(refreshTokenExpiresAt);
    }

    @Override
    public boolean isRevoked() {
        return revoked;
    }
}
