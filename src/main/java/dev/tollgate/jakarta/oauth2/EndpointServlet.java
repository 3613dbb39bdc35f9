package dev.tollgate.jakarta.oauth2;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Serves one endpoint registered on the server, by name; the subclasses name the standard ones. */
public abstract class EndpointServlet extends HttpServlet {

    @Inject
    AuthorizationServer server;

    private final String endpoint;

    protected EndpointServlet(String endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        server.createEndpointResponse(endpoint, request, response);
    }
}
