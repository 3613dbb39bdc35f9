package dev.tollgate.oauth2;

import java.time.Instant;
import java.util.Map;

/**
 * An issued access token and its optional refresh token: Authlib's {@code TokenMixin}. Only SHA-256
 * hashes of the token strings are stored, so a leaked table holds no usable token. Every token issued
 * from one authorization grant (one code, one refresh chain) shares a {@link #getGrantId() grant id},
 * so that the whole grant can be revoked at once (RFC 6749 §4.1.2, RFC 9700 §4.14.2).
 */
public interface OAuth2Token {

    /**
     * The attribute of a sender-constrained token: the RFC 7638 thumbprint of the key it is bound to, its
     * confirmation {@code cnf.jkt} (RFC 9449 §6); also of a code bound to a key ({@code dpop_jkt}, §10).
     */
    String JWK_THUMBPRINT = "jkt";


    /** The SHA-256 hash of the access token; unique. */
    String getAccessTokenHash();

    /** The SHA-256 hash of the refresh token, or {@code null} when none was issued. */
    String getRefreshTokenHash();

    String getClientId();

    /** The resource owner, or {@code null} for a client's own token (client credentials). */
    String getUsername();

    /** The granted scope, space-delimited. */
    String getScope();

    /** The scope of the refresh token, space-delimited: wider than the access token's after a narrowed refresh. */
    default String getRefreshTokenScope() {
        return getScope();
    }

    /** The grant all tokens of one authorization share. */
    String getGrantId();

    Instant getIssuedAt();

    Instant getExpiresAt();

    /** When the refresh token expires, or {@code null} when there is none. */
    Instant getRefreshTokenExpiresAt();

    /** When the resource owner authenticated for the grant (OpenID Connect Core §2 {@code auth_time}), or {@code null}. */
    default Instant getAuthTime() {
        return null;
    }

    /**
     * What extensions keep with the token ({@link GrantExtension#tokenAttributes()}), e.g. the claims a
     * client asked UserInfo for; empty by default.
     */
    default Map<String, String> getAttributes() {
        return Map.of();
    }

    /** Whether the token was revoked, or rotated out (its refresh token was used). */
    boolean isRevoked();

    /** Whether the access token can be used at {@code now}. */
    default boolean isAccessTokenActive(Instant now) {
        return !isRevoked() && now.isBefore(getExpiresAt());
    }

    /** Whether the refresh token can be used at {@code now}. */
    default boolean isRefreshTokenActive(Instant now) {
        return !isRevoked() && getRefreshTokenHash() != null && now.isBefore(getRefreshTokenExpiresAt());
    }
}
