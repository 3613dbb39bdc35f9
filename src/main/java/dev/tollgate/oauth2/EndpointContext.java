package dev.tollgate.oauth2;

import java.time.Clock;

/**
 * What an {@link Endpoint} may use of the server it is registered on.
 *
 * @param settings     the server's settings
 * @param capabilities what the server was built with
 * @param clients      where clients live
 * @param tokenStore   where tokens live, to look them up
 * @param tokens       revocation of tokens, with events
 * @param events       who hears about clients and tokens
 * @param clock        the server's clock
 * @param accessTokens how the server reads presented access tokens (the store, or local validation of
 *                     self-contained ones)
 * @param authorizationRequests validates authorization requests as the authorization endpoint does, e.g. pushed
 *                              ones (RFC 9126)
 */
public record EndpointContext(OAuth2Settings settings, Capabilities capabilities, ClientStore clients,
                              TokenStore tokenStore, IssuedTokens tokens, OAuth2EventListener events, Clock clock,
                              AccessTokenResolver accessTokens, AuthorizationRequestValidator authorizationRequests) {

    /**
     * Authenticates the calling client with the registered methods and reports it.
     *
     * @param confidentialOnly accept only methods of confidential clients
     * @throws OAuth2Error {@code invalid_client} (see {@link ClientAuthenticator#authenticate})
     */
    public OAuth2Client authenticateClient(OAuth2Request request, boolean confidentialOnly) {
        OAuth2Client client = capabilities.clientAuthentication().authenticate(request, confidentialOnly);
        events.clientAuthenticated(client);
        return client;
    }
}
