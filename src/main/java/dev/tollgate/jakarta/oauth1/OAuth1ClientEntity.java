package dev.tollgate.jakarta.oauth1;

import dev.tollgate.oauth1.OAuth1Client;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/**
 * A registered OAuth 1.0a client. The shared secret is kept as it is, because HMAC-SHA1 and PLAINTEXT
 * (RFC 5849 §3.4.2, §3.4.4) need it on both sides; protect the table accordingly.
 */
@Entity
@Table(name = "TOLLGATE_OAUTH1_CLIENT", indexes = @Index(name = "IX_TG_OAUTH1_CLIENT_USER", columnList = "USER_ID"))
public class OAuth1ClientEntity implements OAuth1Client {

    /** The primary key, so that a lookup by client id is a find, served from the shared cache. */
    @Id
    @Column(name = "CLIENT_ID", length = 128)
    private String clientId;

    @Column(name = "CLIENT_SECRET", length = 256)
    private String clientSecret;

    @Column(name = "RSA_PUBLIC_KEY", length = 4000)
    private String rsaPublicKey;

    @Column(name = "CLIENT_NAME", length = 200)
    private String clientName;

    @Column(name = "DEFAULT_REDIRECT_URI", length = 2000)
    private String defaultRedirectUri;

    /** The registered callback URIs, one per line. */
    @Column(name = "REDIRECT_URIS", length = 8000)
    private String redirectUris;

    /** Who registered the client, if anyone did. */
    @Column(name = "USER_ID", length = 255)
    private String userId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    protected OAuth1ClientEntity() {
    }

    public OAuth1ClientEntity(String clientId, String clientName, String clientSecret, String rsaPublicKey,
            String defaultRedirectUri, List<String> redirectUris, String userId, long createdAt) {
        this.clientId = clientId;
        this.clientName = clientName;
        this.clientSecret = clientSecret;
        this.rsaPublicKey = rsaPublicKey;
        this.defaultRedirectUri = defaultRedirectUri;
        this.redirectUris = String.join("\n", redirectUris);
        this.userId = userId;
        this.createdAt = createdAt;
    }

    @Override
    public String getClientId() {
        return clientId;
    }

    @Override
    public String getClientSecret() {
        return clientSecret;
    }

    @Override
    public String getRsaPublicKey() {
        return rsaPublicKey;
    }

    public String getClientName() {
        return clientName;
    }

    @Override
    public String getDefaultRedirectUri() {
        return defaultRedirectUri;
    }

    @Override
    public List<String> getRedirectUris() {
        return redirectUris == null || redirectUris.isEmpty() ? List.of() : Arrays.asList(redirectUris.split("\n"));
    }

    public String getUserId() {
        return userId;
    }

    /** Epoch milliseconds. */
    public long getCreatedAt() {
        return createdAt;
    }
}
