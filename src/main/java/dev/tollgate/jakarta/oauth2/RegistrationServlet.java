package dev.tollgate.jakarta.oauth2;

import dev.tollgate.oauth2.RegistrationEndpoint;

/**
 * Serves dynamic client registration (RFC 7591), e.g. at {@code /oauth2/register}, and the client configuration
 * endpoint (RFC 7592) under it: map it at both {@code /oauth2/register} and {@code /oauth2/register/*}. Ready to
 * map.
 */
public class RegistrationServlet extends EndpointServlet {

    public RegistrationServlet() {
        super(RegistrationEndpoint.NAME);
    }
}
