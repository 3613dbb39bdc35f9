package dev.tollgate.jakarta.oauth1.it;

import dev.tollgate.jakarta.oauth1.CacheAuthorizationServer;
import dev.tollgate.oauth1.AuthorizationRequest;
import dev.tollgate.oauth1.OAuth1Error;
import dev.tollgate.oauth1.OAuth1Response;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The application's authorization page, reduced to its two calls: GET names the client asking, POST applies
 * the decision of the user named in the form (a real application takes the signed-in user instead).
 */
@WebServlet("/oauth1/authorize")
public class ShopAuthorizeServlet extends HttpServlet {

    @Inject
    CacheAuthorizationServer server;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            AuthorizationRequest consent = server.checkAuthorizationRequest(request);
            response.setContentType("text/plain");
            response.getWriter().write("Allow " + consent.client().getClientId() + "?");
        } catch (OAuth1Error error) {
            server.send(OAuth1Response.error(error), response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = "true".equals(request.getParameter("granted")) ? request.getParameter("user") : null;
        try {
            server.send(server.createAuthorizationResponse(request, user), response);
        } catch (OAuth1Error error) {
            server.send(OAuth1Response.error(error), response);
        }
    }
}
