package dev.tollgate.jwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.OAuth2Token;
import dev.tollgate.oauth2.ResourceOwner;
import dev.tollgate.oauth2.Scope;
import dev.tollgate.oauth2.TokenContext;
import dev.tollgate.oauth2.TokenGenerator;
import dev.tollgate.oauth2.TokenSettings;
import dev.tollgate.oidc.Jwts;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Makes a client's access tokens in its {@link AccessTokenFormat}: opaque ones with another generator, JWTs
 * (RFC 9068 §2) signed through {@link Jwts} with the server's keys and its default algorithm (the first of
 * {@code SigningKeys.algorithms()}, RS256 by default), header {@code typ} {@code at+jwt} and {@code kid}; claims
 * {@code iss}, {@code exp} (the lifetime {@code TokenSettings} gives the grant type), {@code aud}, {@code sub} (the
 * resource owner, or the client id for a client's own token, §2.2), {@code client_id}, {@code iat}, {@code jti}
 * (random), {@code scope} (when not empty), {@code auth_time} and {@code acr} when the resource owner has them, and
 * the MicroProfile JWT {@code upn} and {@code groups} when the settings ask for them. The server stores the token's
 * hash as it stores every token, so revocation, refresh and introspection by the store work unchanged.
 */
public final class JwtAccessTokenGenerator implements TokenGenerator {

    /** The header {@code typ} of a JWT access token (RFC 9068 §2.1). */
    public static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    private final String issuer;
    private final JwtAccessTokenSettings settings;
    private final Jwts jwts;
    private final TokenSettings tokenSettings;
    private final Clock clock;
    private final TokenGenerator opaque;

    /**
     * @param issuer        the server's issuer identifier ({@code OAuth2Settings.issuer()})
     * @param tokenSettings the lifetimes, for a call without times ({@link #generate(TokenContext)})
     * @param opaque        makes the opaque tokens, e.g. {@link TokenGenerator#RANDOM}
     */
    public JwtAccessTokenGenerator(String issuer, JwtAccessTokenSettings settings, Jwts jwts,
                                   TokenSettings tokenSettings, Clock clock, TokenGenerator opaque) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.jwts = Objects.requireNonNull(jwts, "jwts");
        this.tokenSettings = Objects.requireNonNull(tokenSettings, "tokenSettings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.opaque = Objects.requireNonNull(opaque, "opaque");
    }

    /** A token issued now, for the grant type's lifetime; the server calls the method with the times. */
    @Override
    public String generate(TokenContext context) {
        Instant now = clock.instant();
        return generate(context, now, now.plus(tokenSettings.accessTokenLifetime(context.grantType())));
    }

    @Override
    public String generate(TokenContext context, Instant issuedAt, Instant expiresAt) {
        if (AccessTokenFormat.of(context.client(), settings.defaultFormat()) != AccessTokenFormat.JWT) {
            return opaque.generate(context, issuedAt, expiresAt);
        }
        String clientId = context.client().getClientId();
        ResourceOwner owner = context.owner();
        String subject = owner == null ? clientId : owner.subject(); // §2.2: the client's own token
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .expirationTime(Date.from(expiresAt))
                .audience(settings.audience(issuer))
                .subject(subject)
                .claim("client_id", clientId)
                .issueTime(Date.from(issuedAt))
                .jwtID(Secrets.randomToken(16));
        if (!context.scope().isEmpty()) {
            claims.claim("scope", Scope.format(context.scope()));
        }
        if (owner != null && owner.authTime() != null) {
            claims.claim("auth_time", owner.authTime().getEpochSecond());
        }
        if (owner != null && owner.acr() != null) {
            claims.claim("acr", owner.acr());
        }
        String jkt = context.attribute(OAuth2Token.JWK_THUMBPRINT);
        if (jkt != null) {
            claims.claim("cnf", Map.of("jkt", jkt)); // RFC 9449 §6.1: a DPoP-bound token
        }
        if (settings.upn()) {
            claims.claim("upn", subject);
        }
        if (settings.groups() != null) {
            claims.claim("groups", List.copyOf(new TreeSet<>(settings.groups().groups(context.scope()))));
        }
        JWSAlgorithm algorithm = jwts.keys().algorithms().get(0);
        return jwts.sign(algorithm, AT_JWT, claims.build());
    }
}
