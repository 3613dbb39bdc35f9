package dev.tollgate.oauth2;

import jakarta.json.JsonObjectBuilder;

/**
 * Replaces the parameters of an authorization request by those it refers to through one parameter: a request
 * object by value, {@code request} (RFC 9101), or a reference, {@code request_uri} (RFC 9101, RFC 9126). The
 * authorization endpoint asks every resolver, in the order of registration, once it knows the client from the
 * {@code client_id} of the query, and before anything else is read; a request still holding {@code request} or
 * {@code request_uri} afterwards is refused with {@code request_not_supported} or {@code request_uri_not_supported}.
 * Register one with {@link OAuth2ServerBuilder#authorizationRequestResolver}.
 */
public interface AuthorizationRequestResolver {

    /** The parameter it resolves, {@code request} or {@code request_uri}; one resolver per parameter. */
    String parameter();

    /**
     * The request as the authorization endpoint is to read it: this one if it does not use {@link #parameter()} and
     * the client need not, else one with the parameters it refers to and without the parameter itself.
     *
     * @param client the client named by the query's {@code client_id}
     * @throws OAuth2Error an error about the request itself, e.g. {@code invalid_request_object}; it is never
     *                     redirected, since the redirect URI is among what could not be trusted
     */
    OAuth2Request resolve(OAuth2Request request, OAuth2Client client);

    /**
     * Called with the resource owner's decision on a request, granted or denied, before it is answered: makes what
     * the request referred to unusable again, e.g. a pushed request (RFC 9126 §4: used once). Nothing by default.
     *
     * @param request carries the reference it came by as its {@link AuthorizationRequest#REQUEST_URI} attribute
     * @throws OAuth2Error if it was used already, e.g. by a decision posted twice; redirected to the client
     */
    default void redeem(AuthorizationRequest request) {
    }

    /** Adds what it supports to the server metadata, e.g. the algorithms of request objects. */
    default void describe(JsonObjectBuilder metadata) {
    }
}
