package dev.tollgate.oauth2;

import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.common.Identifiers;
import java.util.Map;

/**
 * Validates authorization requests (RFC 6749 §4.1.1, §4.2.1): client, then the parameters a request object or a
 * reference stands for ({@link AuthorizationRequestResolver}), and redirect URI, whose errors are never redirected; then response type, response mode and scope, and the grant's and its extensions' checks,
 * whose errors go back to the client.
 */
public final class AuthorizationRequestValidator {

    private static final String PUSHED_REFERENCE = "request_uri";


    private final ClientStore clients;
    private final Capabilities capabilities;
    private final ScopePolicy scopes;

    AuthorizationRequestValidator(ClientStore clients, Capabilities capabilities, ScopePolicy scopes) {
        this.clients = clients;
        this.capabilities = capabilities;
        this.scopes = scopes;
    }

    /**
     * Validates a request at the authorization endpoint.
     *
     * @throws OAuth2Error redirected to the client once its redirect URI is known, not before
     */
    public AuthorizationRequest validate(OAuth2Request query) {
        return validate(query, false).authorization();
    }

    /**
     * Validates a pushed authorization request (RFC 9126 §2.1) as the authorization endpoint would, but that it
     * cannot itself hold a {@code request_uri}, and returns it with the parameters of its request object, if any, in
     * place: what the authorization endpoint reads once the pushed request is referred to.
     *
     * @throws OAuth2Error redirected or not as {@link #validate}; the pushed request endpoint answers them as JSON
     */
    public OAuth2Request validatePushed(OAuth2Request pushed) {
        if (pushed.param(PUSHED_REFERENCE) != null) {
            throw OAuth2Error.invalidRequest("A pushed request cannot hold a request_uri."); // RFC 9126 §2.1
        }
        return validate(pushed, true).request();
    }

    private record Validated(OAuth2Request request, AuthorizationRequest authorization) {
    }

    private Validated validate(OAuth2Request query, boolean pushed) {
        String clientId = query.param("client_id");
        if (clientId == null) {
            throw OAuth2Error.invalidRequest("Missing client_id.");
        }
        if (!Identifiers.hasNoControlCharacter(clientId)) {
            throw OAuth2Error.invalidClient("Unknown client.");
        }
        OAuth2Client client = clients.find(clientId).orElseThrow(() -> OAuth2Error.invalidClient("Unknown client."));
        OAuth2Request request = query;
        for (AuthorizationRequestResolver resolver : capabilities.requestResolvers()) {
            if (!pushed || !PUSHED_REFERENCE.equals(resolver.parameter())) {
                request = resolver.resolve(request, client);
            }
        }
        String state = request.param("state");
        String requestedRedirectUri = request.param("redirect_uri");
        String redirectUri = redirectUri(client, requestedRedirectUri);
        ResponseMode mode = ResponseMode.QUERY;
        try {
            refuseUnresolved(request);
            String responseType = request.param("response_type");
            if (responseType == null) {
                throw OAuth2Error.invalidRequest("Missing response_type.");
            }
            ResponseType type = ResponseType.parse(responseType);
            AuthorizationGrant grant = capabilities.authorizationGrant(type);
            if (grant == null) {
                throw OAuth2Error.unsupportedResponseType("The response_type is not supported.");
            }
            mode = grant.defaultResponseMode();
            if (client.getResponseTypes().stream().noneMatch(type::matches)) {
                throw OAuth2Error.unauthorizedClient("The client may not use this response_type.");
            }
            mode = responseMode(request.param("response_mode"), grant);
            AuthorizationRequest authorization = new AuthorizationRequest(client, type, redirectUri,
                    requestedRedirectUri, scopes.resolve(client, request.param("scope")), state, mode, Map.of());
            String reference = query.param(PUSHED_REFERENCE);
            if (reference != null) { // kept, so that its resolver can redeem it with the decision
                authorization = authorization.withAttribute(AuthorizationRequest.REQUEST_URI, reference);
            }
            authorization = grant.validateAuthorizationRequest(authorization, request);
            for (GrantExtension extension : capabilities.extensions(grant.grantType())) {
                authorization = extension.validateAuthorizationRequest(authorization, request);
            }
            // the attributes stay with the code and the token, in columns of a fixed size
            if (FormUrlEncoding.format(authorization.attributes()).length() > AuthorizationRequest.MAX_ATTRIBUTES) {
                throw OAuth2Error.invalidRequest("The request's parameters are too long to keep.");
            }
            return new Validated(request, authorization);
        } catch (OAuth2Error e) {
            throw e.redirectTo(redirectUri, state, mode);
        }
    }

    // RFC 9101 §6.1, OpenID Connect Core §6.3: a parameter no resolver took is not silently ignored
    private static void refuseUnresolved(OAuth2Request request) {
        if (request.param("request") != null && request.param("request_uri") != null) {
            throw OAuth2Error.invalidRequest("Send request or request_uri, not both."); // RFC 9101 §5
        }
        if (request.param("request") != null) {
            throw new OAuth2Error("request_not_supported", "Request objects are not supported.", 400);
        }
        if (request.param("request_uri") != null) {
            throw new OAuth2Error("request_uri_not_supported", "request_uri is not supported.", 400);
        }
    }

    private static String redirectUri(OAuth2Client client, String requested) {
        if (requested != null) {
            if (!client.checkRedirectUri(requested)) {
                throw OAuth2Error.invalidRequest("The redirect_uri is not registered for this client.");
            }
            return requested;
        }
        if (client.getRedirectUris().size() == 1) {
            return client.getRedirectUris().get(0); // RFC 6749 §3.1.2.3
        }
        throw OAuth2Error.invalidRequest("Missing redirect_uri.");
    }

    private ResponseMode responseMode(String name, AuthorizationGrant grant) {
        ResponseMode fallback = grant.defaultResponseMode();
        if (name == null) {
            return fallback;
        }
        ResponseMode mode = capabilities.responseMode(name);
        if (mode == null) {
            throw OAuth2Error.invalidRequest("Unsupported response_mode.");
        }
        // Multiple Response Type Encoding Practices §5: not the query where the default is the fragment
        if (ResponseMode.QUERY.name().equals(name) && !ResponseMode.QUERY.name().equals(fallback.name())) {
            throw OAuth2Error.invalidRequest("The response_mode query is not allowed with this response_type.");
        }
        return mode;
    }
}
