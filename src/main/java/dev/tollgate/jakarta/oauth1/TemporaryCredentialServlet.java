package dev.tollgate.jakarta.oauth1;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The temporary credential endpoint (RFC 5849 §2.1), ready to map, e.g. at {@code /oauth1/initiate}.
 * Every method reaches the server, which answers 405 to anything but POST.
 */
public class TemporaryCredentialServlet extends HttpServlet {

    @Inject
    CacheAuthorizationServer server;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        server.createTemporaryCredentialResponse(request, response);
    }
}
