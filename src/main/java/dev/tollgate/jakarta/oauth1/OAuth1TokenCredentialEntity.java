package dev.tollgate.jakarta.oauth1;

import dev.tollgate.common.Secrets;
import dev.tollgate.oauth1.TokenCredential;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/**
 * A token credential (RFC 5849 §2.3). The {@code oauth_token} is stored as its SHA-256 and looked up by it,
 * so the table alone signs nothing: the token exists in clear only in the response that issued it.
 * The token secret is kept as it is, because HMAC signatures need it. Not cached, so that a revocation is
 * seen at once, by every node.
 */
@Entity
@Cacheable(false)
@Table(name = "TOLLGATE_OAUTH1_TOKEN", indexes = @Index(name = "IX_TG_OAUTH1_TOKEN_USER", columnList = "USER_ID"))
public class OAuth1TokenCredentialEntity implements TokenCredential {

    /** The primary key: a token is looked up by its hash. */
    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;

    @Column(name = "TOKEN_SECRET", nullable = false, length = 256)
    private String tokenSecret;

    @Column(name = "CLIENT_ID", nullable = false, length = 128)
    private String clientId;

    @Column(name = "USER_ID", nullable = false, length = 255)
    private String userId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Transient
    private String token;

    protected OAuth1TokenCredentialEntity() {
    }

    public OAuth1TokenCredentialEntity(String token, String tokenSecret, String clientId, String userId,
            long createdAt) {
        this.token = token;
        this.tokenHash = Secrets.sha256(token);
        this.tokenSecret = tokenSecret;
        this.clientId = clientId;
        this.userId = userId;
        this.createdAt = createdAt;
    }

    /** The {@code oauth_token} on the instance that issued it; {@code null} once read back from the database. */
    @Override
    public String getToken() {
        return token;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    @Override
    public String getSecret() {
        return tokenSecret;
    }

    @Override
    public String getClientId() {
        return clientId;
    }

    @Override
    public String getUserId() {
        return userId;
    }

    /** Epoch milliseconds. */
    public long getCreatedAt() {
        return createdAt;
    }
}
