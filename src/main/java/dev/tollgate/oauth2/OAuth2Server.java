package dev.tollgate.oauth2;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OAuth 2.0 authorization server (RFC 6749): built once by {@link OAuth2ServerBuilder} with its grants,
 * extensions, client authentication methods, response modes and endpoints, then used from any thread. Grants
 * and endpoints answer with data; this class writes every response.
 *
 * <p>At the authorization endpoint the application's servlet calls {@link #validateConsentRequest} to show
 * its consent page, then {@link #createAuthorizationResponse} with the decision; an error that is not a
 * redirect (an unknown client or redirect URI) is shown on its own page, never redirected (RFC 6749 §4.1.2.1).
 */
public final class OAuth2Server {

    private final OAuth2Settings settings;
    private final Capabilities capabilities;
    private final AuthorizationRequestValidator validator;
    private final TokenIssuer issuer;
    private final TokenService tokens;
    private final ScopePolicy scopes;
    private final AccessTokenResolver accessTokens;
    private final EndpointContext endpointContext;
    private final Clock clock;

    OAuth2Server(OAuth2Settings settings, Capabilities capabilities, ClientStore clients, TokenIssuer issuer,
                 TokenService tokens, AccessTokenResolver accessTokens, OAuth2EventListener events, Clock clock) {
        this.settings = settings;
        this.capabilities = capabilities;
        this.scopes = new ScopePolicy(settings.scopesSupported());
        this.validator = new AuthorizationRequestValidator(clients, capabilities, scopes);
        this.issuer = issuer;
        this.tokens = tokens;
        this.accessTokens = accessTokens;
        this.endpointContext = new EndpointContext(settings, capabilities, clients, tokens.store(), tokens, events,
                clock, accessTokens, validator);
        this.clock = clock;
    }

    /** A builder with the default client authentication methods and response modes, and nothing else. */
    public static OAuth2ServerBuilder builder(OAuth2Settings settings, TokenSettings tokenSettings,
                                              ClientStore clients, TokenStore tokens, Clock clock) {
        return new OAuth2ServerBuilder(settings, tokenSettings, clients, tokens, clock);
    }

    /**
     * Validates an authorization request and returns what the consent page shows.
     *
     * @throws OAuth2Error not redirected ({@link OAuth2Error#isRedirect()} false) for a missing or unknown
     *                     client or a redirect URI that is not registered, or missing when the client has
     *                     several; redirected with {@code state} for every other error
     */
    public AuthorizationRequest validateConsentRequest(OAuth2Request request) {
        return validator.validate(request);
    }

    /**
     * Validates an authorization request and answers the resource owner's decision, validating once.
     *
     * @param owner the resource owner who granted the request, or {@code null} if they denied it
     * @return the response to the client, with the grant or the error
     * @throws OAuth2Error only for errors that must not be redirected (see {@link #validateConsentRequest})
     */
    public OAuth2Response createAuthorizationResponse(OAuth2Request request, ResourceOwner owner) {
        AuthorizationRequest authorization;
        try {
            authorization = validateConsentRequest(request);
        } catch (OAuth2Error e) {
            if (e.isRedirect()) {
                return handleErrorResponse(e);
            }
            throw e;
        }
        return createAuthorizationResponse(authorization, owner);
    }

    /**
     * Answers the resource owner's decision on a validated request, in the request's response mode.
     *
     * @param owner the resource owner who granted the request, or {@code null} if they denied it
     *              ({@code access_denied}, RFC 6749 §4.1.2.1)
     */
    public OAuth2Response createAuthorizationResponse(AuthorizationRequest authorization, ResourceOwner owner) {
        AuthorizationGrant grant = capabilities.authorizationGrant(authorization.responseType());
        try {
            for (AuthorizationRequestResolver resolver : capabilities.requestResolvers()) {
                resolver.redeem(authorization); // a decision, granted or denied, uses up a pushed request
            }
            if (owner == null) {
                throw OAuth2Error.accessDenied("The resource owner denied the request.");
            }
            AuthorizationResponse response = grant.createAuthorizationResponse(authorization, owner, clock.instant());
            Map<String, String> parameters = new LinkedHashMap<>(response.parameters());
            if (response.token() != null) {
                parameters.putAll(extend(response.token(), issuer.issue(response.token(), false)).toParameters());
            }
            for (GrantExtension extension : capabilities.extensions(grant.grantType())) {
                parameters = new LinkedHashMap<>(extension.extendAuthorizationResponse(authorization, owner,
                        parameters));
            }
            parameters.put("state", authorization.state());
            parameters.put("iss", settings.issuer()); // RFC 9207 §2
            return authorization.responseMode().respond(authorization.redirectUri(), parameters);
        } catch (OAuth2Error e) {
            return handleErrorResponse(e.redirectTo(authorization.redirectUri(), authorization.state(),
                    authorization.responseMode()));
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
            TokenGrant grant = capabilities.tokenGrant(grantType);
            if (grant == null) {
                throw OAuth2Error.unsupportedGrantType("The grant_type is not supported.");
            }
            OAuth2Client client = grant.authenticateClient(request, capabilities.clientAuthentication());
            endpointContext.events().clientAuthenticated(client);
            if (!client.getGrantTypes().contains(grantType)) {
                throw OAuth2Error.unauthorizedClient("The client may not use this grant_type.");
            }
            TokenRequest tokenRequest = new TokenRequest(request, client, clock.instant(), scopes, tokens);
            for (GrantExtension extension : capabilities.extensions(grantType)) {
                tokenRequest = extension.checkTokenRequest(tokenRequest);
            }
            TokenContext context = grant.validateTokenRequest(tokenRequest);
            for (GrantExtension extension : capabilities.extensions(grantType)) {
                context = extension.validateTokenRequest(tokenRequest, context);
            }
            TokenResponse issued = issuer.issue(context, withRefreshToken(context, context.refreshTokenAllowed()));
            grant.confirmIssued(tokenRequest, context);
            return OAuth2Response.json(200, extend(context, issued).toJson());
        } catch (OAuth2Error e) {
            return handleErrorResponse(e);
        }
    }

    // A refresh token only for clients that may refresh, and only if the refresh grant is served.
    private boolean withRefreshToken(TokenContext context, boolean allowed) {
        return allowed && capabilities.tokenGrant(RefreshTokenGrant.GRANT_TYPE) != null
                && context.client().getGrantTypes().contains(RefreshTokenGrant.GRANT_TYPE);
    }

    private TokenResponse extend(TokenContext context, TokenResponse issued) {
        TokenResponse response = issued;
        for (GrantExtension extension : capabilities.extensions(context.grantType())) {
            response = extension.extendTokenResponse(context, response);
        }
        return response;
    }

    /**
     * Answers a request at a registered endpoint; errors become responses.
     *
     * @throws IllegalArgumentException if no endpoint is registered under the name
     */
    public OAuth2Response createEndpointResponse(String name, OAuth2Request request) {
        Endpoint endpoint = capabilities.endpoint(name);
        if (endpoint == null) {
            throw new IllegalArgumentException("No endpoint named " + name);
        }
        try {
            return endpoint.createResponse(request, endpointContext);
        } catch (OAuth2Error e) {
            return handleErrorResponse(e);
        }
    }

    /** Turns an error into its response: a redirect with {@code iss}, or JSON. */
    public OAuth2Response handleErrorResponse(OAuth2Error error) {
        return OAuth2Response.fromError(error, settings.issuer());
    }

    /**
     * Revokes what a resource owner granted a client: every live token and every unredeemed code, each grant
     * reported revoked; for the application's "revoke access" page.
     *
     * @return whether there was anything to revoke
     */
    public boolean revokeAuthorization(String subject, String clientId) {
        return tokens.revokeAuthorization(subject, clientId);
    }

    /** A protector of resources that accepts this server's tokens (RFC 6750), read by its {@link AccessTokenResolver}. */
    public ResourceProtector resourceProtector(BearerSettings bearer) {
        return new ResourceProtector(new BearerTokenValidator(accessTokens, clock, settings.realm()), bearer,
                capabilities.senderConstraints());
    }

    public OAuth2Settings settings() {
        return settings;
    }

    public Capabilities capabilities() {
        return capabilities;
    }
}
