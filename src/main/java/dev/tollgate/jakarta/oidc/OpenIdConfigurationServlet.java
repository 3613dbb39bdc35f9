package dev.tollgate.jakarta.oidc;

import dev.tollgate.jakarta.oauth2.EndpointServlet;
import dev.tollgate.oidc.OpenIdConfigurationEndpoint;

/** Serves OpenID Connect Discovery 1.0 metadata, at {@code /.well-known/openid-configuration} under the issuer (§4). Ready to map. */
public class OpenIdConfigurationServlet extends EndpointServlet {

    public OpenIdConfigurationServlet() {
        super(OpenIdConfigurationEndpoint.NAME);
    }
}
