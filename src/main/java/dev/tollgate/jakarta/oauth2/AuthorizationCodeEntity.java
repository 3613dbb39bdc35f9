package dev.tollgate.jakarta.oauth2;

import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.oauth2.AuthorizationCode;
import dev.tollgate.oauth2.ResourceOwner;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** An authorization code (RFC 6749 §4.1.2), stored as its SHA-256, marked when redeemed, deleted once expired. */
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

    @Column(name = "AUTH_TIME")
    private Long authTime;

    @Column(name = "AMR", length = 255)
    private String amr;

    @Column(name = "ACR", length = 255)
    private String acr;

    /** The authorization request's attributes, form-encoded (e.g. the PKCE challenge). */
    @Column(name = "ATTRIBUTES", length = 4000)
    private String attributes;

    /** Redeemed once; the row stays until the code expires, so that a second use is recognised. */
    @Column(name = "REDEEMED")
    private Boolean redeemed;

    /** Presented again after it was redeemed: what it issued is revoked, also if stored afterwards. */
    @Column(name = "REPLAYED")
    private Boolean replayed;

    protected AuthorizationCodeEntity() {
    }

    /** The entity for a code the core issued. */
    public static AuthorizationCodeEntity of(AuthorizationCode code) {
        AuthorizationCodeEntity entity = new AuthorizationCodeEntity();
        entity.codeHash = code.getCodeHash();
        entity.clientId = code.getClientId();
        entity.redirectUri = code.getRedirectUri();
        entity.scope = code.getScope();
        ResourceOwner owner = code.getResourceOwner();
        entity.username = owner.subject();
        entity.authTime = owner.authTime() == null ? null : owner.authTime().getEpochSecond();
        entity.amr = owner.amr().isEmpty() ? null : String.join(" ", new TreeSet<>(owner.amr()));
        entity.acr = owner.acr();
        entity.expiresAt = code.getExpiresAt().toEpochMilli();
        entity.attributes = FormUrlEncoding.format(code.getAttributes());
        entity.redeemed = false;
        entity.replayed = false;
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
    public ResourceOwner getResourceOwner() {
        return new ResourceOwner(username, authTime == null ? null : Instant.ofEpochSecond(authTime),
                amr == null ? Set.of() : Set.copyOf(Arrays.asList(amr.split(" "))), acr);
    }

    @Override
    public Instant getExpiresAt() {
        return Instant.ofEpochMilli(expiresAt);
    }

    /** Whether the code was redeemed. */
    public boolean isRedeemed() {
        return Boolean.TRUE.equals(redeemed);
    }

    @Override
    public Map<String, String> getAttributes() {
        Map<String, String> map = new LinkedHashMap<>();
        FormUrlEncoding.parse(attributes == null ? "" : attributes).forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
