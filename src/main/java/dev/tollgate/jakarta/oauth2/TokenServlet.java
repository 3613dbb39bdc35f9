package dev.tollgate.jakarta.oauth2;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The token endpoint (RFC 6749 §3.2), ready to map, e.g. at {@code /oauth2/token}. */
public class TokenServlet extends HttpServlet {

    @Inject
    AuthorizationServer server;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        server.createTokenResponse(request, response);
    }
}
