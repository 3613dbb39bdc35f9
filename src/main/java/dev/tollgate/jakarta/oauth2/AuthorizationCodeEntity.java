package dev.tollgate.jakarta.oauth2;

import dev.tollgate.oauth2.AuthorizationCode;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** An authorization code (RFC 6749 §4.1.2), stored as its SHA-256 and deleted when it is redeemed. */
@Entity
@Cacheable(false)
@Table(name = "TOLLGATE_OAUTH2_CODE", indexes = {
    @Index(name = "UX_TG_OAUTH2_CODE_HASH", columnList = "CODE_HASH", unique = true),
    @Index(name = "IX_TG_OAUTH2_CODE_EXPIRES", columnList = "EXPIRES_AT")
})
public class AuthorizationCodeEntity implements AuthorizationCode {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "CODE_HASH", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "CLIENT_ID", nullable = false, length = 128)
    private String clientId;

    @Column(name = "REDIRECT_URI", length = 2000)
    private String redirectUri;

    @Column(name = "SCOPE", length = 2000)
    private String scope;

    @Column(name = "USERNAME", nullable = false, length = 255)
    private String username;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "CODE_CHALLENGE", length = 128)
    private String codeChallenge;

    @Column(name = "CODE_CHALLENGE_METHOD", length = 10)
    private String codeChallengeMethod;

    protected AuthorizationCodeEntity() {
    }

    /** The entity for a code the core issued. */
    public static AuthorizationCodeEntity of(AuthorizationCode code) {
        AuthorizationCodeEntity entity = new AuthorizationCodeEntity();
        entity.codeHash = code.getCodeHash();
        entity.clientId = code.getClientId();
        entity.redirectUri = code.getRedirectUri();
        entity.scope = code.getScope();
        entity.username = code.getUsername();
        entity.expiresAt = code.getExpiresAt().toEpochMilli();
        entity.codeChallenge = code.getCodeChallenge();
        entity.codeChallengeMethod = code.getCodeChallengeMethod();
        return entity;
    }

    @Override
    public String getCodeHash() {
        return codeHash;
    }

    @Override
    public String getClientId() {
        return clientId;
    }

    @Override
    public String getRedirectUri() {
        return redirectUri;
    }

    @Override
    public String getScope() {
        return scope;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public Instant getExpiresAt() {
        return Instant.ofEpochMilli(expiresAt);
    }

    @Override
    public String getCodeChallenge() {
        return codeChallenge;
    }

    @Override
    public String getCodeChallengeMethod() {
        return codeChallengeMethod;
    }
}
