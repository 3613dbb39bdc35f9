package dev.tollgate.oauth2;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.Objects;

/**
 * Builds an {@link OAuth2Server} once: each grant, extension, client authentication method, response mode and
 * endpoint is one call. It starts with {@code client_secret_basic}, {@code client_secret_post}, {@code none}
 * and the {@code query} and {@code fragment} response modes; a later registration of the same name replaces
 * an earlier one.
 * <pre>{@code
 * OAuth2Server server = OAuth2Server.builder(settings, TokenSettings.DEFAULT, clients, tokens, clock)
 *         .standardGrants(codes, users, GrantSettings.DEFAULT, PkceSettings.DEFAULT)
 *         .grant(new MyGrant(), new MyExtension())
 *         .standardEndpoints(RegistrationSettings.OPEN)
 *         .build();
 * }</pre>
 */
public final class OAuth2ServerBuilder {

    private final OAuth2Settings settings;
    private final TokenSettings tokenSettings;
    private final ClientStore clients;
    private final TokenStore tokens;
    private final Clock clock;
    private final Map<ResponseType, AuthorizationGrant> authorizationGrants = new LinkedHashMap<>();
    private final Map<String, TokenGrant> tokenGrants = new LinkedHashMap<>();
    private final Map<String, Map<Class<?>, GrantExtension>> extensions = new LinkedHashMap<>();
    private final Map<Class<?>, GrantExtension> globalExtensions = new LinkedHashMap<>();
    private final Map<String, ClientAuthenticationMethod> clientAuthentication = new LinkedHashMap<>();
    private final Map<String, ResponseMode> responseModes = new LinkedHashMap<>();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final Map<Class<?>, ClientMetadataExtension> clientMetadata = new LinkedHashMap<>();
    private final Map<String, AuthorizationRequestResolver> requestResolvers = new LinkedHashMap<>();
    private final Map<String, SenderConstraint> senderConstraints = new LinkedHashMap<>();
    private AuthorizationCodeStore codes;
    private TokenGenerator accessTokens = TokenGenerator.RANDOM;
    private TokenGenerator refreshTokens = TokenGenerator.RANDOM;
    private OAuth2EventListener events = OAuth2EventListener.NONE;
    private AccessTokenResolver accessTokenResolver;
    private RevokedTokens revokedTokens = RevokedTokens.NONE;

    OAuth2ServerBuilder(OAuth2Settings settings, TokenSettings tokenSettings, ClientStore clients,
                        TokenStore tokens, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tokenSettings = Objects.requireNonNull(tokenSettings, "tokenSettings");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
        clientAuthentication(new ClientSecretBasic());
        clientAuthentication(new ClientSecretPost());
        clientAuthentication(new PublicClientAuthentication());
        responseMode(ResponseMode.QUERY);
        responseMode(ResponseMode.FRAGMENT);
    }

    /**
     * Registers a grant at the endpoints it serves (an {@link AuthorizationGrant} by response type, a
     * {@link TokenGrant} by grant type, or both), with extensions of its grant type. It replaces a grant of the
     * same response or grant type; the grant type keeps the extensions registered before, except those of
     * the classes given now, so that another grant of a type never drops its PKCE.
     */
    public OAuth2ServerBuilder grant(Grant grant, GrantExtension... grantExtensions) {
        if (!(grant instanceof AuthorizationGrant) && !(grant instanceof TokenGrant)) {
            throw new IllegalArgumentException("A grant serves the authorization or the token endpoint: " + grant);
        }
        if (grant instanceof AuthorizationGrant authorization) {
            Objects.requireNonNull(authorization.defaultResponseMode(), "defaultResponseMode");
            authorizationGrants.put(authorization.responseType(), authorization);
        }
        if (grant instanceof TokenGrant token) {
            tokenGrants.put(token.grantType(), token);
        }
        Map<Class<?>, GrantExtension> ofType = extensions.computeIfAbsent(grant.grantType(),
                type -> new LinkedHashMap<>());
        for (GrantExtension extension : grantExtensions) {
            ofType.put(extension.getClass(), extension);
        }
        return this;
    }

    /** Registers an extension of every grant, e.g. one that binds every token to a key; replaces one of its class. */
    public OAuth2ServerBuilder extension(GrantExtension extension) {
        globalExtensions.put(extension.getClass(), extension);
        return this;
    }

    public OAuth2ServerBuilder clientAuthentication(ClientAuthenticationMethod method) {
        clientAuthentication.put(method.name(), method);
        return this;
    }

    public OAuth2ServerBuilder responseMode(ResponseMode mode) {
        responseModes.put(mode.name(), mode);
        return this;
    }

    public OAuth2ServerBuilder endpoint(Endpoint endpoint) {
        endpoints.put(endpoint.name(), endpoint);
        return this;
    }

    /** Registers client metadata beyond RFC 7591's; replaces one of its class. */
    public OAuth2ServerBuilder clientMetadata(ClientMetadataExtension extension) {
        clientMetadata.put(extension.getClass(), extension);
        return this;
    }

    /** Registers what resolves {@code request} or {@code request_uri}; replaces one of the same parameter. */
    public OAuth2ServerBuilder authorizationRequestResolver(AuthorizationRequestResolver resolver) {
        requestResolvers.put(resolver.parameter(), resolver);
        return this;
    }

    /** Registers a kind of sender-constrained token, e.g. DPoP's; replaces one of the same scheme. */
    public OAuth2ServerBuilder senderConstraint(SenderConstraint constraint) {
        senderConstraints.put(constraint.scheme().toLowerCase(Locale.ROOT), constraint);
        return this;
    }

    /** Where codes are, so that {@link OAuth2Server#revokeAuthorization} removes unredeemed ones too. */
    public OAuth2ServerBuilder authorizationCodes(AuthorizationCodeStore store) {
        codes = store;
        return this;
    }

    /** Replaces how access tokens are made (default: 256 random bits). */
    public OAuth2ServerBuilder accessTokenGenerator(TokenGenerator generator) {
        accessTokens = generator;
        return this;
    }

    /** Replaces how refresh tokens are made (default: 256 random bits). */
    public OAuth2ServerBuilder refreshTokenGenerator(TokenGenerator generator) {
        refreshTokens = generator;
        return this;
    }

    /**
     * Replaces how the server's resource protector and introspection endpoint read access tokens (default:
     * {@link AccessTokenResolver#store}, a store lookup by hash), e.g. to validate self-contained tokens locally.
     */
    public OAuth2ServerBuilder accessTokenResolver(AccessTokenResolver resolver) {
        accessTokenResolver = Objects.requireNonNull(resolver, "resolver");
        return this;
    }

    /**
     * Sets the deny-list every revocation of an access token reaches (default: {@link RevokedTokens#NONE}); the
     * token store must then implement {@link TokenStore#findUnexpiredByGrantId}.
     */
    public OAuth2ServerBuilder revokedTokens(RevokedTokens deniedTokens) {
        revokedTokens = Objects.requireNonNull(deniedTokens, "deniedTokens");
        return this;
    }

    /** Sets who hears about authenticated clients and issued and revoked tokens. */
    public OAuth2ServerBuilder events(OAuth2EventListener listener) {
        events = listener;
        return this;
    }

    /**
     * The standard grants: authorization code with PKCE, refresh token, client credentials, and implicit and
     * password when the grant settings enable them.
     *
     * @param users checks resource owner passwords; only used by the password grant
     */
    public OAuth2ServerBuilder standardGrants(AuthorizationCodeStore codeStore, ResourceOwnerAuthenticator users,
                                             GrantSettings grants, PkceSettings pkce) {
        authorizationCodes(codeStore);
        grant(new AuthorizationCodeGrant(codeStore, tokenSettings.authorizationCodeLifetime()),
                new CodeChallenge(pkce));
        if (grants.implicitGrantEnabled()) {
            grant(new ImplicitGrant());
        }
        if (grants.passwordGrantEnabled()) {
            grant(new PasswordGrant(users));
        }
        grant(new ClientCredentialsGrant());
        return grant(new RefreshTokenGrant(tokenSettings.refreshTokenRotation()));
    }

    /** The standard endpoints: revocation, introspection, metadata and registration. */
    public OAuth2ServerBuilder standardEndpoints(RegistrationSettings registration) {
        endpoint(new RevocationEndpoint());
        endpoint(new IntrospectionEndpoint(IntrospectionEndpoint.DEFAULT_POLICY));
        endpoint(new MetadataEndpoint());
        return endpoint(new RegistrationEndpoint(registration));
    }

    /** The settings it was created with, for installers such as OpenID Connect's. */
    public OAuth2Settings settings() {
        return settings;
    }

    public TokenSettings tokenSettings() {
        return tokenSettings;
    }

    public Clock clock() {
        return clock;
    }

    /** The token store, for installers whose access-token resolver falls back to it. */
    public TokenStore tokenStore() {
        return tokens;
    }

    /** The code store registered by {@link #standardGrants} or {@link #authorizationCodes}, or {@code null}. */
    public AuthorizationCodeStore authorizationCodes() {
        return codes;
    }

    public OAuth2Server build() {
        Map<String, List<GrantExtension>> byGrantType = new LinkedHashMap<>();
        extensions.forEach((type, ofType) -> byGrantType.put(type, List.copyOf(ofType.values())));
        Capabilities capabilities = new Capabilities(authorizationGrants, tokenGrants, byGrantType,
                List.copyOf(globalExtensions.values()), responseModes,
                new ClientAuthenticator(clients, settings.realm(), clientAuthentication), endpoints,
                List.copyOf(clientMetadata.values()), requestResolvers, List.copyOf(senderConstraints.values()));
        Set<String> tokenAttributes = new HashSet<>();
        capabilities.allExtensions().forEach(extension -> tokenAttributes.addAll(extension.tokenAttributes()));
        TokenIssuer issuer = new TokenIssuer(tokenSettings, tokens, clock, accessTokens, refreshTokens, events,
                tokenAttributes);
        AccessTokenResolver resolver = accessTokenResolver == null ? AccessTokenResolver.store(tokens)
                : accessTokenResolver;
        return new OAuth2Server(settings, capabilities, clients, issuer,
                new TokenService(tokens, codes, events, revokedTokens, clock), resolver, events, clock);
    }
}
