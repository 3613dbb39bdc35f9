package dev.tollgate.jwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.AccessTokenResolver;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Token;
import dev.tollgate.oauth2.RevokedTokens;
import dev.tollgate.oauth2.Scope;
import dev.tollgate.oidc.Jwts;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads access tokens as the server's resource protector and introspection endpoint do: a JWT (a string of three
 * dot-separated parts) is validated here without a store read (RFC 9068 §4), any other string by the fallback (the
 * store). A JWT access token is accepted only if it is signed by a key the server publishes, with that key's
 * algorithm (never {@code none}, never an HMAC); its {@code typ} is {@code at+jwt} or {@code application/at+jwt}, so
 * that an ID token ({@code JWT}) or a signed UserInfo response is refused; {@code iss} is the issuer; {@code aud}
 * contains the configured audience; {@code exp} is ahead and {@code nbf}, if any, passed; it has {@code sub},
 * {@code client_id}, {@code iat} and {@code jti}; and it is not on the deny-list of revoked tokens.
 */
public final class JwtAccessTokenValidator implements AccessTokenResolver {

    private final String issuer;
    private final String audience;
    private final Jwts jwts;
    private final RevokedTokens revoked;
    private final AccessTokenResolver fallback;

    /**
     * @param issuer   the server's issuer identifier
     * @param revoked  the deny-list every revocation reaches, shared by the cluster
     * @param fallback what reads the tokens that are not JWTs, e.g. {@link AccessTokenResolver#store}
     */
    public JwtAccessTokenValidator(String issuer, JwtAccessTokenSettings settings, Jwts jwts, RevokedTokens revoked,
                                   AccessTokenResolver fallback) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = settings.audience(issuer);
        this.jwts = Objects.requireNonNull(jwts, "jwts");
        this.revoked = Objects.requireNonNull(revoked, "revoked");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public Optional<OAuth2Token> resolve(String accessToken, Instant now) {
        if (!isJwt(accessToken)) {
            return fallback.resolve(accessToken, now);
        }
        try {
            return Optional.ofNullable(validate(accessToken, now));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    // RFC 7515 §7.1: BASE64URL(header) '.' BASE64URL(payload) '.' BASE64URL(signature); opaque tokens have no dot
    private static boolean isJwt(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        return second > 0 && token.indexOf('.', second + 1) < 0;
    }

    // §4: "at+jwt" or "application/at+jwt", media types compared without regard to case (RFC 2045 §5.1)
    private static boolean isAccessTokenType(JOSEObjectType type) {
        String name = type == null ? null : type.getType();
        return "at+jwt".equalsIgnoreCase(name) || "application/at+jwt".equalsIgnoreCase(name);
    }

    private JwtAccessToken validate(String token, Instant now) throws ParseException {
        SignedJWT jwt = jwts.verified(token); // a published key, its algorithm, the signature; never alg none
        if (!isAccessTokenType(jwt.getHeader().getType())) {
            return null; // §4: an ID token, a signed UserInfo response, a logout token are not access tokens
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        List<String> audiences = claims.getAudience();
        Date expiresAt = claims.getExpirationTime();
        Date notBefore = claims.getNotBeforeTime();
        Date issuedAt = claims.getIssueTime();
        String subject = claims.getSubject();
        String clientId = claims.getStringClaim("client_id");
        if (!issuer.equals(claims.getIssuer()) || audiences == null || !audiences.contains(audience)
                || expiresAt == null || !now.isBefore(expiresAt.toInstant())
                || notBefore != null && now.isBefore(notBefore.toInstant())
                || issuedAt == null || subject == null || clientId == null || claims.getJWTID() == null) {
            return null;
        }
        String hash = Secrets.sha256(token);
        if (revoked.isDenied(hash)) {
            return null;
        }
        String scope;
        try {
            scope = Scope.format(Scope.parse(claims.getStringClaim("scope")));
        } catch (OAuth2Error e) { // a malformed scope value: not one this server signed
            return null;
        }
        Date authTime = claims.getDateClaim("auth_time");
        return new JwtAccessToken(hash, clientId, subject.equals(clientId) ? null : subject, scope,
                issuedAt.toInstant(), expiresAt.toInstant(), authTime == null ? null : authTime.toInstant(), claims);
    }
}
