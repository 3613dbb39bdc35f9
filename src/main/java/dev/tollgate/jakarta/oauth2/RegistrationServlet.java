package dev.tollgate.jakarta.oauth2;

import dev.tollgate.oauth2.RegistrationEndpoint;

/** Serves dynamic client registration (RFC 7591), e.g. at {@code /oauth2/register}. Ready to map. */
public class RegistrationServlet extends EndpointServlet {

    public RegistrationServlet() {
        super(RegistrationEndpoint.NAME);
    }
}
