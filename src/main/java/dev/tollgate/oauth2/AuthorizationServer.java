package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The OAuth 2.0 authorization server (RFC 6749): grants and endpoints are registered on it, as in
 * Authlib, and it runs the protocol flow around them. Configure it once at start-up, then use it from
 * any thread.
 *
 * <p>Authorization endpoint, as the application's own servlet uses it:
 * <pre>{@code
 * try {
 *     AuthorizationRequest authz = server.validateConsentRequest(request);   // GET: show consent
 *     ...
 *     return server.createAuthorizationResponse(authz, approved ? username : null); // POST
 * } catch (OAuth2Error e) {
 *     if (e.isRedirect()) return server.handleErrorResponse(e);
 *     showErrorPage(e);  // unknown client or redirect URI: never redirect (RFC 6749 §4.1.2.1)
 * }
 * }</pre>
 */
public final class AuthorizationServer {

    private final OAuth2Settings settings;
    private final ClientStore clients;
    private final TokenStore tokens;
    private final Clock clock;
    private final ClientAuthentication clientAuthentication;
    private final Map<String, AuthorizationGrant> authorizationGrants = new ConcurrentHashMap<>();
    private final Map<String, TokenGrant> tokenGrants = new ConcurrentHashMap<>();
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private volatile TokenGenerator accessTokenGenerator = TokenGenerator.RANDOM;
    private volatile TokenGenerator refreshTokenGenerator = TokenGenerator.RANDOM;
    private volatile OAuth2EventListener events = OAuth2EventListener.NONE;
    private volatile TokenIssuer tokenIssuer;

    public AuthorizationServer(OAuth2Settings settings, ClientStore clients, TokenStore tokens, Clock clock) {
        this.settings = settings;
        this.clients = clients;
        this.tokens = tokens;
        this.clock = clock;
        this.clientAuthentication = new ClientAuthentication(clients, settings.realm());
        this.tokenIssuer = newTokenIssuer();
    }

    /**
     * A server with the standard grants and endpoints: authorization code with PKCE, refresh token,
     * client credentials, implicit and password when the settings enable them, revocation,
     * introspection, metadata and registration.
     *
     * @param users checks resource owner passwords; only used when the password grant is enabled
     */
    public static AuthorizationServer standard(OAuth2Settings settings, ClientStore clients, TokenStore tokens,
                                               AuthorizationCodeStore codes, ResourceOwnerAuthenticator users,
                                               Clock clock) {
        AuthorizationServer server = new AuthorizationServer(settings, clients, tokens, clock);
        AuthorizationCodeGrant code = new AuthorizationCodeGrant(codes);
        server.registerGrant((AuthorizationGrant) code);
        server.registerGrant((TokenGrant) code);
        if (settings.implicitGrantEnabled()) {
            server.registerGrant(new ImplicitGrant());
        }
        if (settings.passwordGrantEnabled()) {
            server.registerGrant(new PasswordGrant(users));
        }
        server.registerGrant(new ClientCredentialsGrant());
        server.registerGrant(new RefreshTokenGrant());
        server.registerEndpoint(new RevocationEndpoint());
        server.registerEndpoint(new IntrospectionEndpoint(IntrospectionEndpoint.DEFAULT_POLICY));
        server.registerEndpoint(new MetadataEndpoint());
        server.registerEndpoint(new RegistrationEndpoint());
        return server;
    }

    /** Adds or replaces the grant for its {@code response_type}. */
    public void registerGrant(AuthorizationGrant grant) {
        authorizationGrants.put(grant.responseType(), grant);
    }

    /** Adds or replaces the grant for its {@code grant_type}. */
    public void registerGrant(TokenGrant grant) {
        tokenGrants.put(grant.grantType(), grant);
    }

    /** Adds or replaces the endpoint for its name. */
    public void registerEndpoint(Endpoint endpoint) {
        endpoints.put(endpoint.name(), endpoint);
    }

    /** Replaces how access tokens are made (default: 256 random bits). */
    public void setAccessTokenGenerator(TokenGenerator generator) {
        accessTokenGenerator = generator;
        tokenIssuer = newTokenIssuer();
    }

    /** Replaces how refresh tokens are made (default: 256 random bits). */
    public void setRefreshTokenGenerator(TokenGenerator generator) {
        refreshTokenGenerator = generator;
        tokenIssuer = newTokenIssuer();
    }

    /** Sets who hears about issued and revoked tokens. */
    public void setEventListener(OAuth2EventListener listener) {
        events = listener;
        tokenIssuer = newTokenIssuer();
    }

    private TokenIssuer newTokenIssuer() {
        return new TokenIssuer(settings, tokens, clock, accessTokenGenerator, refreshTokenGenerator, events);
    }

    /**
     * Validates an authorization request (RFC 6749 §4.1.1, §4.2.1) and returns what the consent page
     * shows. Client and redirect URI are checked first; only then are errors redirected.
     *
     * @throws OAuth2Error not redirected ({@link OAuth2Error#isRedirect()} false) for a missing or unknown
     *                     client or a redirect URI that is not registered, or missing when the client has
     *                     several; redirected with {@code state} for every other error
     */
    public AuthorizationRequest validateConsentRequest(OAuth2Request request) {
        String state = request.param("state");
        String clientId = request.param("client_id");
        if (clientId == null) {
            throw OAuth2Error.invalidRequest("Missing client_id.");
        }
        OAuth2Client client = clients.find(clientId)
                .orElseThrow(() -> OAuth2Error.invalidClient("Unknown client."));
        String requestedRedirectUri = request.param("redirect_uri");
        String redirectUri;
        if (requestedRedirectUri != null) {
            if (!client.checkRedirectUri(requestedRedirectUri)) {
                throw OAuth2Error.invalidRequest("The redirect_uri is not registered for this client.");
            }
            redirectUri = requestedRedirectUri;
        } else if (client.getRedirectUris().size() == 1) {
            redirectUri = client.getRedirectUris().get(0); // RFC 6749 §3.1.2.3
        } else {
            throw OAuth2Error.invalidRequest("Missing redirect_uri.");
        }
        String responseType = request.param("response_type");
        AuthorizationGrant grant = responseType == null ? null : authorizationGrant(responseType);
        try {
            if (responseType == null) {
                throw OAuth2Error.invalidRequest("Missing response_type.");
            }
            if (grant == null) {
                throw OAuth2Error.unsupportedResponseType("The response_type is not supported.");
            }
            if (!client.getResponseTypes().contains(responseType)) {
                throw OAuth2Error.unauthorizedClient("The client may not use this response_type.");
            }
            Set<String> scope = resolveScope(client, request.param("scope"));
            AuthorizationRequest authorization = new AuthorizationRequest(client, responseType, redirectUri,
                    requestedRedirectUri, scope, state, null, null);
            return grant.validateAuthorizationRequest(authorization, request, this);
        } catch (OAuth2Error e) {
            throw e.redirectTo(redirectUri, state, grant != null && grant.usesFragment());
        }
    }

    /**
     * Validates an authorization request and answers the resource owner's decision, validating once.
     *
     * @param grantUser the resource owner who granted the request, or {@code null} if they denied it
     * @return a 303 redirect to the client, with the grant or the error
     * @throws OAuth2Error only for errors that must not be redirected (see {@link #validateConsentRequest})
     */
    public OAuth2Response createAuthorizationResponse(OAuth2Request request, String grantUser) {
        AuthorizationRequest authorization;
        try {
            authorization = validateConsentRequest(request);
        } catch (OAuth2Error e) {
            if (e.isRedirect()) {
                return handleErrorResponse(e);
            }
            throw e;
        }
        return createAuthorizationResponse(authorization, grantUser);
    }

    /**
     * Answers the resource owner's decision on a request already validated by
     * {@link #validateConsentRequest}, without validating it again.
     *
     * @param grantUser the resource owner who granted the request, or {@code null} if they denied it
     * @return a 303 redirect to the client, with the grant or the error ({@code access_denied} if denied)
     */
    public OAuth2Response createAuthorizationResponse(AuthorizationRequest authorization, String grantUser) {
        AuthorizationGrant grant = authorizationGrant(authorization.responseType());
        try {
            if (grantUser == null) {
                throw OAuth2Error.accessDenied("The resource owner denied the request."); // RFC 6749 §4.1.2.1
            }
            return grant.createAuthorizationResponse(authorization, grantUser, this);
        } catch (OAuth2Error e) {
            return handleErrorResponse(e.redirectTo(authorization.redirectUri(), authorization.state(),
                    grant.usesFragment()));
        }
    }

    /** Answers a token request (RFC 6749 §3.2); errors become JSON responses. */
    public OAuth2Response createTokenResponse(OAuth2Request request) {
        try {
            if (!"POST".equals(request.method())) {
                throw OAuth2Error.invalidRequest("The token endpoint accepts POST only."); // RFC 6749 §3.2
            }
            String grantType = request.form("grant_type");
            if (grantType == null) {
                throw OAuth2Error.invalidRequest("Missing grant_type.");
            }
            TokenGrant grant = tokenGrant(grantType);
            if (grant == null) {
                throw OAuth2Error.unsupportedGrantType("The grant_type is not supported.");
            }
            OAuth2Client client = authenticateClient(request, grant.clientAuthenticationMethods());
            if (!client.getGrantTypes().contains(grantType)) {
                throw OAuth2Error.unauthorizedClient("The client may not use this grant_type.");
            }
            return grant.createTokenResponse(request, client, this);
        } catch (OAuth2Error e) {
            return handleErrorResponse(e);
        }
    }

    /**
     * Answers a request at a registered endpoint; errors become responses.
     *
     * @throws IllegalArgumentException if no endpoint is registered under the name
     */
    public OAuth2Response createEndpointResponse(String name, OAuth2Request request) {
        Endpoint endpoint = endpoint(name);
        if (endpoint == null) {
            throw new IllegalArgumentException("No endpoint named " + name);
        }
        try {
            return endpoint.createResponse(request, this);
        } catch (OAuth2Error e) {
            return handleErrorResponse(e);
        }
    }

    /** Turns an error into its response: a redirect with {@code iss}, or JSON. */
    public OAuth2Response handleErrorResponse(OAuth2Error error) {
        return OAuth2Response.fromError(error, settings.issuer());
    }

    /**
     * Authenticates the calling client with one of the given methods.
     *
     * @throws OAuth2Error {@code invalid_client} (see {@link ClientAuthentication#authenticate})
     */
    public OAuth2Client authenticateClient(OAuth2Request request, Set<String> methods) {
        OAuth2Client client = clientAuthentication.authenticate(request, methods);
        events.clientAuthenticated(client);
        return client;
    }

    /**
     * The scope to grant a client: the requested scope, which must be supported by the server and
     * allowed for the client, or, when none is requested, the client's whole allowed scope within
     * what the server supports (RFC 6749 §3.3 lets the server choose a default).
     *
     * @param requested the {@code scope} parameter, or {@code null}
     * @throws OAuth2Error {@code invalid_scope}
     */
    public Set<String> resolveScope(OAuth2Client client, String requested) {
        Set<String> allowed = Scope.parse(client.getScope());
        if (requested == null) {
            return allowed.stream().filter(settings.scopesSupported()::contains)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> scope = Scope.parse(requested);
        if (!settings.scopesSupported().containsAll(scope)) {
            throw OAuth2Error.invalidScope("The requested scope is unknown.");
        }
        if (!allowed.containsAll(scope)) {
            throw OAuth2Error.invalidScope("The requested scope is not allowed for this client.");
        }
        return scope;
    }

    /** Whether tokens for this client come with a refresh token: the refresh grant is registered and allowed to it. */
    public boolean issuesRefreshTokens(OAuth2Client client) {
        return tokenGrant(RefreshTokenGrant.GRANT_TYPE) != null
                && client.getGrantTypes().contains(RefreshTokenGrant.GRANT_TYPE);
    }

    /** A new identifier for the tokens of one authorization grant. */
    public String newGrantId() {
        return Secrets.randomToken(16);
    }

    /** Revokes one token; reports it if this call revoked it. */
    public boolean revoke(OAuth2Token token) {
        boolean revoked = tokens.revoke(token.getAccessTokenHash());
        if (revoked) {
            events.tokenRevoked(token);
        }
        return revoked;
    }

    /** Revokes every token of a grant and reports it. */
    public void revokeGrant(String grantId) {
        tokens.revokeGrant(grantId);
        events.grantRevoked(grantId);
    }

    public TokenIssuer tokenIssuer() {
        return tokenIssuer;
    }

    public AuthorizationGrant authorizationGrant(String responseType) {
        return authorizationGrants.get(responseType);
    }

    public TokenGrant tokenGrant(String grantType) {
        return tokenGrants.get(grantType);
    }

    public Endpoint endpoint(String name) {
        return endpoints.get(name);
    }

    /** The registered authorization grants, by response type. */
    public List<AuthorizationGrant> authorizationGrants() {
        return List.copyOf(authorizationGrants.values());
    }

    /** The registered token grants, by grant type. */
    public List<TokenGrant> tokenGrants() {
        return List.copyOf(tokenGrants.values());
    }

    /** The registered endpoints. */
    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints.values());
    }

    public OAuth2Settings settings() {
        return settings;
    }

    public ClientStore clients() {
        return clients;
    }

    public TokenStore tokens() {
        return tokens;
    }

    public Clock clock() {
        return clock;
    }
}
