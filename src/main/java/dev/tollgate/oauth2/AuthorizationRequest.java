package dev.tollgate.oauth2;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A validated authorization request (RFC 6749 §4.1.1, §4.2.1): what the consent page shows and what
 * {@link OAuth2Server#createAuthorizationResponse(AuthorizationRequest, ResourceOwner)} acts on.
 *
 * @param client               the requesting client
 * @param responseType         the response type, e.g. {@code code}
 * @param redirectUri          where the response goes: the requested URI, or the client's only one
 * @param requestedRedirectUri the {@code redirect_uri} parameter as sent, or {@code null} (§4.1.3)
 * @param scope                the scope to grant: the requested one, or the client's default
 * @param state                the client's {@code state}, or {@code null}
 * @param responseMode         how the response is delivered
 * @param attributes           what grants and extensions add (e.g. the PKCE challenge); kept with the code
 */
public record AuthorizationRequest(OAuth2Client client, ResponseType responseType, String redirectUri,
                                   String requestedRedirectUri, Set<String> scope, String state,
                                   ResponseMode responseMode, Map<String, String> attributes) {

    /**
     * The most characters the attributes may take, form-encoded: what the stores keep with a code and a token
     * (the {@code ATTRIBUTES} columns). A request whose parameters would need more is {@code invalid_request}.
     */
    public static final int MAX_ATTRIBUTES = 4000;
    /** The attribute of a request that came by reference: the {@code request_uri} it came by (RFC 9126 §4). */
    public static final String REQUEST_URI = "request_uri";

    public AuthorizationRequest {
        scope = Set.copyOf(scope);
        attributes = Map.copyOf(attributes);
    }

    /** An attribute, or {@code null}. */
    public String attribute(String name) {
        return attributes.get(name);
    }

    /** This request with one more attribute. */
    public AuthorizationRequest withAttribute(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(attributes);
        more.put(name, value);
        return new AuthorizationRequest(client, responseType, redirectUri, requestedRedirectUri, scope, state,
                responseMode, more);
    }
}
