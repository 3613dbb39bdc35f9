/**
 * The JWT family on the OAuth 2.0 core: client authentication with a JWT assertion, {@code private_key_jwt}
 * ({@link dev.tollgate.jwt.PrivateKeyJwt}) and {@code client_secret_jwt} ({@link dev.tollgate.jwt.ClientSecretJwt})
 * (RFC 7523 §2.2, RFC 7521 §4.2, OpenID Connect Core §9), and the JWT bearer authorization grant
 * ({@link dev.tollgate.jwt.JwtBearerGrant}, RFC 7523 §2.1), both checked by one
 * {@link dev.tollgate.jwt.AssertionValidator} (RFC 7523 §3), with the clients' public keys from their {@code jwks}
 * or {@code jwks_uri} ({@link dev.tollgate.jwt.ClientKeys}). Additions through the core's seams only:
 * <pre>{@code
 * AssertionValidator validator = new AssertionValidator(settings, AssertionSettings.DEFAULT, replayCache, clock);
 * ClientKeys keys = new ClientKeys(JwksUriSettings.DEFAULT, clock);
 * PrivateKeyJwt privateKeyJwt = new PrivateKeyJwt(validator, keys);
 * ClientSecretJwt clientSecretJwt = new ClientSecretJwt(validator);
 * OAuth2Server server = OAuth2Server.builder(settings, TokenSettings.DEFAULT, clients, tokens, clock)
 *         .standardGrants(codes, users, GrantSettings.DEFAULT, PkceSettings.DEFAULT)
 *         .clientAuthentication(privateKeyJwt)
 *         .clientAuthentication(clientSecretJwt)
 *         .grant(new JwtBearerGrant(validator, keys, TrustedIssuers.NONE, (issuer, subject) -> users.find(subject)))
 *         .extension(AssertionMetadata.of(privateKeyJwt, clientSecretJwt))
 *         .build();
 * }</pre>
 * And JWT access tokens (RFC 9068), per client by its {@code access_token_format} ({@link dev.tollgate.jwt.AccessTokenFormat},
 * validated by {@link dev.tollgate.jwt.JwtRegistration}), signed with the OpenID provider's keys through
 * {@code dev.tollgate.oidc.Jwts} and validated without a store read; {@link dev.tollgate.jwt.JwtAccessTokens#install}
 * registers the generator, the validator and the deny-list of revoked tokens on the builder:
 * <pre>{@code
 * OpenIdProvider openId = OpenIdProvider.install(builder, clients, grants, openIdSettings, keys, claims, consents);
 * JwtAccessTokens.install(builder, keys, JwtAccessTokenSettings.DEFAULT, revokedTokens);
 * }</pre>
 * Every JWS and JWK operation goes through Nimbus JOSE+JWT. Plain Java: no servlet, JPA, CDI or JCache types.
 */
package dev.tollgate.jwt;
