package dev.tollgate.jakarta.oauth2;

import dev.tollgate.oauth2.IntrospectionEndpoint;

/** Serves the introspection endpoint (RFC 7662), e.g. at {@code /oauth2/introspect}. Ready to map. */
public class IntrospectionServlet extends EndpointServlet {

    public IntrospectionServlet() {
        super(IntrospectionEndpoint.NAME);
    }
}
