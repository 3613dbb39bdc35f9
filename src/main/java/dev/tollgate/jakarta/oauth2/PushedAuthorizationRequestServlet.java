package dev.tollgate.jakarta.oauth2;

import dev.tollgate.par.PushedAuthorizationEndpoint;

/** Serves the pushed authorization request endpoint (RFC 9126), e.g. at {@code /oauth2/par}. Ready to map. */
public class PushedAuthorizationRequestServlet extends EndpointServlet {

    public PushedAuthorizationRequestServlet() {
        super(PushedAuthorizationEndpoint.NAME);
    }
}
