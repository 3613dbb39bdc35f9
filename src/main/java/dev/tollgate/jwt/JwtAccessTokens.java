package dev.tollgate.jwt;

import dev.tollgate.oauth2.AccessTokenResolver;
import dev.tollgate.oauth2.OAuth2ServerBuilder;
import dev.tollgate.oauth2.RevokedTokens;
import dev.tollgate.oauth2.TokenGenerator;
import dev.tollgate.oidc.Jwts;
import dev.tollgate.oidc.SigningKeys;
import java.util.Objects;

/**
 * JWT access tokens (RFC 9068) on an {@link dev.tollgate.oauth2.OAuth2Server}, installed on its builder through
 * three seams: the access-token generator ({@link JwtAccessTokenGenerator}: a JWT for clients whose format is
 * {@code jwt}, an opaque token for the others), the access-token resolver ({@link JwtAccessTokenValidator}: JWTs
 * validated without a store read, other tokens in the store) and the deny-list every revocation reaches. The
 * clients' {@value AccessTokenFormat#METADATA} is validated by {@link JwtRegistration}.
 * <pre>{@code
 * OAuth2ServerBuilder builder = OAuth2Server.builder(settings, tokenSettings, clients, tokens, clock)
 *         .standardGrants(codes, users, grants, PkceSettings.DEFAULT)
 *         .standardEndpoints(RegistrationSettings.OPEN)
 *         .clientMetadata(new JwtRegistration(JwksUriSettings.DEFAULT));
 * OpenIdProvider openId = OpenIdProvider.install(builder, clients, grants, openIdSettings, keys, claims, consents);
 * JwtAccessTokens.install(builder, keys, JwtAccessTokenSettings.DEFAULT, revokedTokens);
 * OAuth2Server server = builder.build();
 * }</pre>
 */
public final class JwtAccessTokens {

    private JwtAccessTokens() {
    }

    /**
     * Installs JWT access tokens with opaque tokens of {@link TokenGenerator#RANDOM} for the other clients.
     *
     * @param keys    the server's signing keys, the OpenID provider's: JWT access tokens are signed with the default
     *                algorithm's key and verified with the published ones
     * @param revoked the deny-list, shared by the cluster; the token store must implement
     *                {@code TokenStore.findUnexpiredByGrantId}
     * @throws IllegalArgumentException for {@link RevokedTokens#NONE}, which would leave a revoked JWT usable
     */
    public static void install(OAuth2ServerBuilder builder, SigningKeys keys, JwtAccessTokenSettings settings,
                               RevokedTokens revoked) {
        install(builder, keys, settings, revoked, TokenGenerator.RANDOM);
    }

    /** Installs JWT access tokens, with the opaque tokens of the other clients made by {@code opaque}. */
    public static void install(OAuth2ServerBuilder builder, SigningKeys keys, JwtAccessTokenSettings settings,
                               RevokedTokens revoked, TokenGenerator opaque) {
        Objects.requireNonNull(revoked, "revoked");
        if (revoked == RevokedTokens.NONE) {
            throw new IllegalArgumentException("JWT access tokens need a deny-list: a revoked one would stay usable.");
        }
        String issuer = builder.settings().issuer();
        Jwts jwts = new Jwts(keys);
        builder.accessTokenGenerator(new JwtAccessTokenGenerator(issuer, settings, jwts, builder.tokenSettings(),
                        builder.clock(), opaque))
                .accessTokenResolver(new JwtAccessTokenValidator(issuer, settings, jwts, revoked,
                        AccessTokenResolver.store(builder.tokenStore())))
                .revokedTokens(revoked);
    }
}
