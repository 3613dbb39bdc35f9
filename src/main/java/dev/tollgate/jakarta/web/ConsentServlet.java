package dev.tollgate.jakarta.web;

import dev.tollgate.common.Secrets;
import dev.tollgate.jakarta.oauth2.AuthorizationServer;
import dev.tollgate.jakarta.oidc.OpenIdServer;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.ResourceOwner;
import dev.tollgate.oidc.ClaimsSource;
import dev.tollgate.oidc.Interaction;
import dev.tollgate.oidc.OpenIdProvider;
import dev.tollgate.oidc.OpenIdRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The authorization endpoint with a ready consent page (RFC 6749 §3.1), behind the application's own login:
 * a request without a signed-in user goes to {@code request.authenticate}, so to whatever login the application
 * has (a Jakarta Security mechanism or its {@code login-config}). {@code GET} shows the {@link ConsentPage};
 * {@code POST} with {@code confirm=true} and the session's CSRF token grants, anything else denies. With OpenID
 * Connect on, a consent given before is not asked again and {@code prompt=login} or an expired {@code max_age}
 * signs the user in again.
 */
public class ConsentServlet extends HttpServlet {

    /** The hidden form field holding the session's CSRF token. */
    public static final String CSRF_FIELD = "csrf_token";

    private static final String CSRF = ConsentServlet.class.getName() + ".csrf";
    private static final String AUTH_TIME = ConsentServlet.class.getName() + ".authTime";

    @Inject
    AuthorizationServer server;
    @Inject
    Instance<OpenIdServer> openId;
    @Inject
    Instance<ClaimsSource> claims;
    @Inject
    ConsentPage page;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!signedIn(request, response)) {
            return;
        }
        try {
            AuthorizationRequest authorization = server.validateConsentRequest(request);
            Interaction needed = claims.isResolvable()
                    ? openId.get().interaction(authorization, owner(request)) : Interaction.CONSENT;
            switch (needed) {
                case NONE -> server.createAuthorizationResponse(authorization, owner(request), response);
                case CONSENT -> page.consent(new Consent(authorization, request.getRemoteUser(),
                        request.getContextPath() + request.getServletPath() + "?" + request.getQueryString(),
                        Map.of(CSRF_FIELD, csrfToken(request))), request, response);
                case LOGIN -> signInAgain(request, response);
            }
        } catch (OAuth2Error error) {
            refuse(error, request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!signedIn(request, response)) {
            return;
        }
        HttpSession session = request.getSession(false);
        if (session == null || !Secrets.constantTimeEquals((String) session.getAttribute(CSRF),
                request.getParameter(CSRF_FIELD))) {
            page.error(HttpServletResponse.SC_FORBIDDEN, "invalid_request",
                    "The form has expired or comes from another site: open the authorization request again.",
                    request, response);
            return;
        }
        boolean granted = "true".equals(request.getParameter("confirm"));
        try {
            AuthorizationRequest authorization = server.validateConsentRequest(request);
            ResourceOwner owner = owner(request);
            if (granted && claims.isResolvable() && authorization.scope().contains(OpenIdRequest.OPENID)) {
                openId.get().rememberConsent(owner.subject(), authorization);
            }
            server.createAuthorizationResponse(authorization, granted ? owner : null, response);
        } catch (OAuth2Error error) {
            refuse(error, request, response);
        }
    }

    // the application's login, when nobody is signed in; false when it answered (a challenge, a login page)
    private static boolean signedIn(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null && !request.authenticate(response)) {
            return false;
        }
        HttpSession session = request.getSession();
        if (session.getAttribute(AUTH_TIME) == null) {
            session.setAttribute(AUTH_TIME, Instant.now().getEpochSecond()); // OpenID Connect's auth_time
        }
        return true;
    }

    // prompt=login or an expired max_age (OpenID Connect Core §3.1.2.1): signed out, and back without what asked
    // for the new sign-in, which the application's login then asks for
    private void signInAgain(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        request.logout();
        request.getSession().invalidate();
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", request.getRequestURI() + "?"
                + OpenIdProvider.reauthenticationQuery(request.getQueryString()));
    }

    private static ResourceOwner owner(HttpServletRequest request) {
        Object authTime = request.getSession().getAttribute(AUTH_TIME);
        return new ResourceOwner(request.getRemoteUser(),
                authTime instanceof Long seconds ? Instant.ofEpochSecond(seconds) : null, Set.of(), null);
    }

    private static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession();
        synchronized (session) {
            String token = (String) session.getAttribute(CSRF);
            if (token == null) {
                token = Secrets.randomToken(32);
                session.setAttribute(CSRF, token);
            }
            return token;
        }
    }

    /** Back to the client if its redirect URI is known and registered; an error page if not (§4.1.2.1). */
    private void refuse(OAuth2Error error, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (error.isRedirect()) {
            server.handleErrorResponse(error, response);
        } else {
            error.headers().forEach(response::setHeader); // e.g. Retry-After of a 503
            page.error(error.status(), error.error(), error.description(), request, response);
        }
    }
}
