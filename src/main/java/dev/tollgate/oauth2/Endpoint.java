package dev.tollgate.oauth2;

import jakarta.json.JsonObjectBuilder;

/**
 * An endpoint other than authorization and token, served by
 * {@link OAuth2Server#createEndpointResponse(String, OAuth2Request)}; its path is
 * {@link OAuth2Settings#endpoints()} under its name.
 */
public interface Endpoint {

    /** The name it is registered and called under, e.g. {@link RevocationEndpoint#NAME}. */
    String name();

    /** Answers a request; errors are thrown as {@link OAuth2Error} and answered by the server. */
    OAuth2Response createResponse(OAuth2Request request, EndpointContext context);

    /** Adds what this endpoint supports to the server metadata (RFC 8414 §2). */
    default void describe(JsonObjectBuilder metadata, OAuth2Settings settings, Capabilities capabilities) {
    }
}
