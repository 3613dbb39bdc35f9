package dev.tollgate.jakarta.oauth2.it;

import dev.tollgate.jakarta.oauth2.AuthorizationServer;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.OAuth2Error;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The application's authorization page, reduced to its two calls: GET describes the request, POST applies
 * the decision of the user named in the form (a real application takes the signed-in user instead).
 */
@WebServlet("/oauth2/authorize")
public class AppAuthorizeServlet extends HttpServlet {

    @Inject
    AuthorizationServer server;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            AuthorizationRequest consent = server.validateConsentRequest(request);
            response.setContentType("text/plain");
            response.getWriter().write("Allow " + consent.client().getClientId() + " " + String.join(" ", new java.util.TreeSet<>(consent.scope())) + "?");
        } catch (OAuth2Error error) {
            refuse(error, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = "true".equals(request.getParameter("confirm")) ? request.getParameter("user") : null;
        try {
            server.createAuthorizationResponse(request, response, user);
        } catch (OAuth2Error error) {
            refuse(error, response);
        }
    }

    private void refuse(OAuth2Error error, HttpServletResponse response) throws IOException {
        if (error.isRedirect()) {
            server.handleErrorResponse(error, response);
        } else {
            response.sendError(400, error.error());
        }
    }
}
