package dev.tollgate.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tollgate.oauth2.OAuth2Token;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A JWT access token validated without the store ({@link JwtAccessTokenValidator}), seen as an {@link OAuth2Token}:
 * its hash computed from the string, as the store keys tokens; the resource owner is {@code sub}, or nobody when
 * {@code sub} is the client id (a client's own token, RFC 9068 §2.2, so a user whose subject equals a client's id is
 * taken as that client); no refresh token and no grant id, which the JWT does not carry. Its claims, {@code groups}
 * and {@code upn} among them, are in {@link #claims()}.
 */
public record JwtAccessToken(String accessTokenHash, String clientId, String username, String scope,
                             Instant issuedAt, Instant expiresAt, Instant authTime, JWTClaimsSet claims)
        implements OAuth2Token {

    public JwtAccessToken {
        Objects.requireNonNull(accessTokenHash, "accessTokenHash");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(claims, "claims");
    }

    @Override
    public String getAccessTokenHash() {
        return accessTokenHash;
    }

    /** {@code null}: a refresh token is never in the JWT. */
    @Override
    public String getRefreshTokenHash() {
        return null;
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

    /** {@code null}: the grant is known only to the store. */
    @Override
    public String getGrantId() {
        return null;
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
        return null;
    }

    @Override
    public Instant getAuthTime() {
        return authTime;
    }

    /** The thumbprint of the key it is bound to, its {@code cnf.jkt} (RFC 9449 §6.1), if any. */
    @Override
    public Map<String, String> getAttributes() {
        try {
            Map<String, Object> confirmation = claims.getJSONObjectClaim("cnf");
            return confirmation != null && confirmation.get("jkt") instanceof String jkt
                    ? Map.of(JWK_THUMBPRINT, jkt) : Map.of();
        } catch (ParseException e) {
            return Map.of();
        }
    }

    /** {@code false}: a validated JWT is not on the deny-list. */
    @Override
    public boolean isRevoked() {
        return false;
    }
}
