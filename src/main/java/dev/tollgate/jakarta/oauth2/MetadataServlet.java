package dev.tollgate.jakarta.oauth2;

import dev.tollgate.oauth2.MetadataEndpoint;

/** Serves the authorization server metadata (RFC 8414), at {@code /.well-known/oauth-authorization-server} of the issuer's host (§3.1: before any path of the issuer). Ready to map. */
public class MetadataServlet extends EndpointServlet {

    public MetadataServlet() {
        super(MetadataEndpoint.NAME);
    }
}
