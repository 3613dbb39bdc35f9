package dev.tollgate.jakarta.oauth2;

import dev.tollgate.oauth2.RevocationEndpoint;

/** Serves the revocation endpoint (RFC 7009), e.g. at {@code /oauth2/revoke}. Ready to map. */
public class RevocationServlet extends EndpointServlet {

    public RevocationServlet() {
        super(RevocationEndpoint.NAME);
    }
}
