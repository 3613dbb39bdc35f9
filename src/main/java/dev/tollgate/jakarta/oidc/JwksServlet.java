package dev.tollgate.jakarta.oidc;

import dev.tollgate.jakarta.oauth2.EndpointServlet;
import dev.tollgate.oidc.JwksEndpoint;

/** Serves the JWK Set of the signing keys (RFC 7517), for {@code jwks_uri}; usually at {@code /oauth2/jwks}. Ready to map. */
public class JwksServlet extends EndpointServlet {

    public JwksServlet() {
        super(JwksEndpoint.NAME);
    }
}
