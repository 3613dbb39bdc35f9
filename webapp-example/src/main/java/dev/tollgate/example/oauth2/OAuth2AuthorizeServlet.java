package dev.tollgate.example.oauth2;

import dev.tollgate.example.security.SessionUser;
import dev.tollgate.example.web.Consent;
import dev.tollgate.example.web.Pages;
import dev.tollgate.jakarta.oauth2.AuthorizationServer;
import dev.tollgate.jakarta.oauth2.OAuth2ClientEntity;
import dev.tollgate.jakarta.oidc.OpenIdServer;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.ResourceOwner;
import dev.tollgate.oidc.Interaction;
import dev.tollgate.oidc.OpenIdRequest;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The OAuth 2.0 and OpenID Connect authorization endpoint (RFC 6749 §3.1, Core §3.1.2), the one endpoint an
 * application writes itself. {@code GET /oauth2/authorize?...} validates the request, then asks the provider
 * what it needs: a sign-in (again, for {@code prompt=login} or an expired {@code max_age}), the consent page,
 * or nothing when the user consented before (so {@code prompt=none} succeeds); {@code POST} to the same URL
 * with {@code confirm=true} grants and remembers an OpenID consent (anything else denies). A request that names
 * an unknown client or redirect URI gets an error page, never a redirect (RFC 6749 §4.1.2.1).
 */
@WebServlet("/oauth2/authorize")
public class OAuth2AuthorizeServlet extends HttpServlet {

    @Inject
    AuthorizationServer server;

    @Inject
    OpenIdServer openId;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        AuthorizationRequest authorization;
        ResourceOwner user = SessionUser.of(request);
        Interaction needed;
        try {
            authorization = server.validateConsentRequest(request);
            needed = openId.interaction(authorization, user);
        } catch (OAuth2Error error) {
            refuse(request, response, error);
            return;
        }
        switch (needed) {
            case LOGIN -> signIn(request, response, authorization);
            case NONE -> server.createAuthorizationResponse(authorization, user, response);
            case CONSENT -> consentPage(request, response, authorization);
        }
    }

    // Signs the user out if they must sign in again, and comes back without what asked for it (Core §3.1.2.1).
    private void signIn(HttpServletRequest request, HttpServletResponse response, AuthorizationRequest authorization)
            throws IOException, ServletException {
        boolean signedIn = request.getUserPrincipal() != null;
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.logout();
            session.invalidate();
        }
        // a first sign-in comes back to the request as it was, unless it would ask for another one
        OpenIdRequest openIdRequest = new OpenIdRequest(authorization);
        boolean asksAgain = signedIn || openIdRequest.prompts().contains(OpenIdRequest.PROMPT_LOGIN)
                || openIdRequest.prompts().contains(OpenIdRequest.PROMPT_SELECT_ACCOUNT)
                || Long.valueOf(0).equals(openIdRequest.maxAge());
        String query = request.getQueryString();
        if (asksAgain) {
            query = openId.reauthenticationQuery(query);
        }
        String next = request.getRequestURI() + (query == null || query.isEmpty() ? "" : "?" + query);
        String hint = openIdRequest.loginHint();
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", request.getContextPath() + "/login?next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8)
                + (hint == null ? "" : "&login_hint=" + URLEncoder.encode(hint, StandardCharsets.UTF_8)));
    }

    private static void consentPage(HttpServletRequest request, HttpServletResponse response,
                                    AuthorizationRequest authorization) throws IOException {
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
        ResourceOwner user = SessionUser.of(request);
        try {
            AuthorizationRequest authorization = server.validateConsentRequest(request);
            if (granted && authorization.scope().contains(OpenIdRequest.OPENID)) {
                openId.rememberConsent(user.subject(), authorization);
            }
            server.createAuthorizationResponse(authorization, granted ? user : null, response);
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
            case "openid" -> "sign you in with your account's identifier";
            case "profile" -> "your name (name, given name, family name)";
            case "email" -> "your email address, and whether it is verified";
            default -> "access named " + scope;
        };
    }

    /** The client's registered name, or its id. */
    public static String nameOf(OAuth2Client client) {
        String name = client instanceof OAuth2ClientEntity entity ? entity.getClientName() : null;
        return name == null || name.isBlank() ? client.getClientId() : name;
    }
}
