package dev.tollgate.jakarta.web;

import dev.tollgate.jakarta.oauth1.CacheAuthorizationServer;
import dev.tollgate.jakarta.oauth1.OAuth1ClientEntity;
import dev.tollgate.oauth1.AuthorizationRequest;
import dev.tollgate.oauth1.OAuth1Client;
import dev.tollgate.oauth1.OAuth1Error;
import dev.tollgate.oauth1.OAuth1Response;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * The OAuth 1.0a resource owner authorization endpoint with a ready consent page (RFC 5849 §2.2), behind the
 * application's login as {@link ConsentServlet} is: {@code GET ?oauth_token=T} shows the {@link ConsentPage};
 * {@code POST} with {@code oauth_token=T}, {@code granted=true} and the session's CSRF token grants, anything
 * else denies. The browser then returns to the callback, or for {@code oob} the page shows the verifier.
 */
public class OAuth1ConsentServlet extends HttpServlet {

    @Inject
    CacheAuthorizationServer server;
    @Inject
    ConsentPage page;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!SignedInForms.signedIn(request, response)) {
            return;
        }
        AuthorizationRequest authorization;
        try {
            authorization = server.checkAuthorizationRequest(request);
        } catch (OAuth1Error error) {
            refuse(error, request, response);
            return;
        }
        OAuth1Client client = authorization.client();
        String name = client instanceof OAuth1ClientEntity entity && entity.getClientName() != null
                && !entity.getClientName().isBlank() ? entity.getClientName() : client.getClientId();
        String callback = authorization.credential().getCallback();
        page.consent(new Consent(client.getClientId(), name, Set.of(),
                "oob".equals(callback) ? null : URI.create(callback).getHost(), request.getRemoteUser(),
                request.getContextPath() + request.getServletPath(),
                Map.of("oauth_token", authorization.credential().getToken(),
                        SignedInForms.CSRF_FIELD, SignedInForms.csrfToken(request)), "granted"), request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!SignedInForms.decisionAllowed(page, request, response)) {
            return;
        }
        boolean granted = "true".equals(request.getParameter("granted"));
        OAuth1Response answer;
        try {
            answer = server.createAuthorizationResponse(request, granted ? request.getRemoteUser() : null);
        } catch (OAuth1Error error) {
            refuse(error, request, response);
            return;
        }
        if (answer.location().isPresent()) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER); // back to the client's callback
            response.setHeader("Location", answer.location().get());
        } else if (granted) {
            page.verifier(answer.formParameters().get("oauth_verifier"), request, response);
        } else {
            page.message(HttpServletResponse.SC_OK, "Access denied",
                    "The application did not get access to your account.", request, response);
        }
    }

    private void refuse(OAuth1Error error, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        page.message(error.status(), "This authorization request cannot be used", "It may have expired or been "
                + "used already: start again from the application. (" + error.error() + ")", request, response);
    }
}
