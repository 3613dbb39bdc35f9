package dev.tollgate.oauth2;

import java.time.Instant;

/** A grant served at the authorization endpoint, chosen by {@code response_type} (RFC 6749 §3.1.1). */
public interface AuthorizationGrant extends Grant {

    /** The {@code response_type} this grant answers, e.g. {@code code}. */
    ResponseType responseType();

    /** How responses and errors reach the client unless {@code response_mode} says otherwise. */
    ResponseMode defaultResponseMode();

    /**
     * Checks what is particular to this grant, once client, redirect URI, response type and scope are valid;
     * may add attributes.
     *
     * @throws OAuth2Error errors to be redirected to the client
     */
    default AuthorizationRequest validateAuthorizationRequest(AuthorizationRequest request, OAuth2Request http) {
        return request;
    }

    /**
     * What to answer for a request the resource owner granted.
     *
     * @throws OAuth2Error errors to be redirected to the client
     */
    AuthorizationResponse createAuthorizationResponse(AuthorizationRequest request, ResourceOwner owner,
                                                      Instant now);
}
