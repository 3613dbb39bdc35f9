package dev.tollgate.oauth2;

import java.util.Set;

/**
 * A grant served at the token endpoint, chosen by {@code grant_type} (RFC 6749 §4).
 * Register it with {@link AuthorizationServer#registerGrant(TokenGrant)}.
 */
public interface TokenGrant {

    /** The {@code grant_type} this grant answers, e.g. {@code client_credentials}. */
    String grantType();

    /** The client authentication methods this grant accepts. */
    Set<String> clientAuthenticationMethods();

    /**
     * Issues a token for a POST to the token endpoint.
     *
     * @param client the authenticated client, already checked to be registered for this grant type
     * @throws OAuth2Error answered as JSON
     */
    OAuth2Response createTokenResponse(OAuth2Request request, OAuth2Client client, AuthorizationServer server);
}
