package dev.tollgate.example.oauth2;

import dev.tollgate.example.web.Consent;
import dev.tollgate.example.web.Pages;
import dev.tollgate.jakarta.oauth2.AuthorizationServer;
import dev.tollgate.jakarta.oauth2.OAuth2ClientEntity;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Error;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The OAuth 2.0 authorization endpoint (RFC 6749 §3.1), the one endpoint an application writes itself.
 * {@code GET /oauth2/authorize?...} validates the request, then shows the consent page to the signed-in user;
 * {@code POST} to the same URL with {@code confirm=true} grants (anything else denies). A request that names
 * an unknown client or redirect URI gets an error page, never a redirect (RFC 6749 §4.1.2.1).
 */
@WebServlet("/oauth2/authorize")
public class OAuth2AuthorizeServlet extends HttpServlet {

    @Inject
    AuthorizationServer server;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuthorizationRequest authorization;
        try {
            authorization = server.validateConsentRequest(request);
        } catch (OAuth2Error error) {
            refuse(request, response, error);
            return;
        }
        if (!Pages.requireUser(request, response)) {
            return;
        }
        OAuth2Client client = authorization.client();
        List<String> details = new ArrayList<>();
        for (String scope : new TreeSet<>(authorization.scope())) {
            details.add("Scope " + scope + ": " + describe(scope));
        }
        details.add("Afterwards you return to " + URI.create(authorization.redirectUri()).getHost() + ".");
        String name = nameOf(client);
        if (client.isDynamicallyRegistered()) {
            // RFC 7591 §5: nobody vouches for a name a client gave itself
            name += " (unverified)";
            details.add(0, "This application registered itself: its name and its site are not verified.");
        }
        new Consent(request.getContextPath() + "/oauth2/authorize?" + request.getQueryString(), name,
                client.getClientId(), details, Map.of(), "confirm").write(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Pages.requireUserPost(request, response)) {
            return;
        }
        boolean granted = "true".equals(request.getParameter("confirm"));
        try {
            server.createAuthorizationResponse(request, response, granted ? request.getUserPrincipal().getName() : null);
        } catch (OAuth2Error error) {
            refuse(request, response, error);
        }
    }

    /** Back to the client with the error if its redirect URI is known and registered; an error page if not. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, OAuth2Error error)
            throws IOException {
        if (error.isRedirect()) {
            server.handleErrorResponse(error, response);
        } else {
            error.headers().forEach(response::setHeader); // e.g. Retry-After of a 503
            Pages.error(request, response, error.status(), "This authorization request cannot be used",
                    error.description() + " (" + error.error() + ")");
        }
    }

    private static String describe(String scope) {
        return switch (scope) {
            case "profile" -> "your username";
            case "email" -> "your email address";
            default -> "access named " + scope;
        };
    }

    static String nameOf(OAuth2Client client) {
        String name = client instanceof OAuth2ClientEntity entity ? entity.getClientName() : null;
        return name == null || name.isBlank() ? client.getClientId() : name;
    }
}
