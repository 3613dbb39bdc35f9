package dev.tollgate.example.oauth1;

import static dev.tollgate.example.web.Html.escape;

import dev.tollgate.example.web.Consent;
import dev.tollgate.example.web.Pages;
import dev.tollgate.jakarta.oauth1.CacheAuthorizationServer;
import dev.tollgate.jakarta.oauth1.OAuth1ClientEntity;
import dev.tollgate.oauth1.AuthorizationRequest;
import dev.tollgate.oauth1.OAuth1Client;
import dev.tollgate.oauth1.OAuth1Error;
import dev.tollgate.oauth1.OAuth1Response;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The OAuth 1.0a resource owner authorization endpoint (RFC 5849 §2.2), the one endpoint an application writes
 * itself. {@code GET /oauth1/authorize?oauth_token=T} shows the consent page; {@code POST /oauth1/authorize}
 * with {@code oauth_token=T}, {@code granted=true} (anything else denies) and the CSRF token records the
 * decision. Both need a signed-in user.
 */
@WebServlet("/oauth1/authorize")
public class OAuth1AuthorizeServlet extends HttpServlet {

    @Inject
    CacheAuthorizationServer server;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Pages.requireUser(request, response)) {
            return;
        }
        AuthorizationRequest authorization;
        try {
            authorization = server.checkAuthorizationRequest(request);
        } catch (OAuth1Error error) {
            invalidRequest(request, response, error);
            return;
        }
        OAuth1Client client = authorization.client();
        String callback = authorization.credential().getCallback();
        new Consent(request.getContextPath() + "/oauth1/authorize", nameOf(client), client.getClientId(),
                List.of("It gets a token to read your profile (OAuth 1.0a).",
                        "oob".equals(callback) ? "You will be shown a code to give to the application."
                                : "Afterwards you return to " + URI.create(callback).getHost() + "."),
                Map.of("oauth_token", authorization.credential().getToken()), "granted")
                .write(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Pages.requireUserPost(request, response)) {
            return;
        }
        boolean granted = "true".equals(request.getParameter("granted"));
        OAuth1Response answer;
        try {
            answer = server.createAuthorizationResponse(request, granted ? request.getUserPrincipal().getName() : null);
        } catch (OAuth1Error error) {
            invalidRequest(request, response, error);
            return;
        }
        if (answer.location().isPresent()) {
            Pages.seeOther(response, answer.location().get()); // back to the client's callback
        } else if (granted) {
            // oob: the user copies the verifier into the application
            Pages.write(request, response, 200, "Authorized", "<h1>Authorized</h1>\n"
                    + "<p>Give this code to the application to finish:</p>\n"
                    + "<p class=\"code\"><code id=\"verifier\">"
                    + escape(answer.formParameters().get("oauth_verifier")) + "</code></p>\n");
        } else {
            Pages.write(request, response, 200, "Access denied", "<h1>Access denied</h1>\n"
                    + "<p id=\"denied\">The application did not get access to your account.</p>\n");
        }
    }

    private static void invalidRequest(HttpServletRequest request, HttpServletResponse response, OAuth1Error error)
            throws IOException {
        Pages.error(request, response, error.status(), "This authorization request cannot be used",
                "It may have expired or been used already; start again from the application. ("
                        + error.error() + ")");
    }

    static String nameOf(OAuth1Client client) {
        String name = client instanceof OAuth1ClientEntity entity ? entity.getClientName() : null;
        return name == null || name.isBlank() ? client.getClientId() : name;
    }
}
