package dev.tollgate.oauth2;

/**
 * A grant served at the authorization endpoint, chosen by {@code response_type}
 * (RFC 6749 §3.1.1). Register it with {@link AuthorizationServer#registerGrant(AuthorizationGrant)}.
 */
public interface AuthorizationGrant {

    /** The {@code response_type} this grant answers, e.g. {@code code}. */
    String responseType();

    /** The grant type it stands for, for metadata, e.g. {@code authorization_code}. */
    String grantType();

    /** Whether responses and errors go in the fragment rather than the query (RFC 6749 §4.2.2). */
    boolean usesFragment();

    /**
     * Checks what is particular to this grant, once client, redirect URI, response type and scope
     * are valid; may add to the request (e.g. the PKCE challenge).
     *
     * @throws OAuth2Error errors to be redirected to the client
     */
    AuthorizationRequest validateAuthorizationRequest(AuthorizationRequest authorization, OAuth2Request request,
                                                      AuthorizationServer server);

    /**
     * The redirect for a request the resource owner granted.
     *
     * @param username the resource owner
     */
    OAuth2Response createAuthorizationResponse(AuthorizationRequest authorization, String username,
                                               AuthorizationServer server);
}
