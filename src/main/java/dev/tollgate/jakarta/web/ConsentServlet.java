package dev.tollgate.jakarta.web;

import dev.tollgate.jakarta.oauth2.AuthorizationServer;
import dev.tollgate.jakarta.oauth2.OAuth2ClientEntity;
import dev.tollgate.jakarta.oidc.OpenIdServer;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.OAuth2Client;
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
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * The OAuth 2.0 authorization endpoint with a ready consent page (RFC 6749 §3.1), behind the application's own
 * login: a request without a signed-in user goes to {@code request.authenticate}, so to whatever login the
 * application has (a Jakarta Security mechanism or its {@code login-config}), before the request is even read.
 * {@code GET} shows the {@link ConsentPage}; {@code POST} with {@code confirm=true} and the session's CSRF token
 * grants, anything else denies. With OpenID Connect on, a consent given before is not asked again, and
 * {@code prompt=login} or an expired {@code max_age} signs the user in again.
 */
public class ConsentServlet extends HttpServlet {

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
        if (!SignedInForms.signedIn(request, response)) {
            return;
        }
        try {
            AuthorizationRequest authorization = server.validateConsentRequest(request);
            Interaction needed = claims.isResolvable()
                    ? openId.get().interaction(authorization, owner(request)) : Interaction.CONSENT;
            switch (needed) {
                case NONE -> server.createAuthorizationResponse(authorization, owner(request), response);
                case CONSENT -> page.consent(consent(authorization, request), request, response);
                case LOGIN -> signInAgain(request, response);
            }
        } catch (OAuth2Error error) {
            refuse(error, request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!SignedInForms.decisionAllowed(page, request, response)) {
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

    private static Consent consent(AuthorizationRequest authorization, HttpServletRequest request) {
        OAuth2Client client = authorization.client();
        String name = client instanceof OAuth2ClientEntity entity && entity.getClientName() != null
                && !entity.getClientName().isBlank() ? entity.getClientName() : client.getClientId();
        if (client.isDynamicallyRegistered()) {
            name += " (unverified)"; // RFC 7591 §5: nobody vouches for a name a client gave itself
        }
        return new Consent(client.getClientId(), name, authorization.scope(),
                URI.create(authorization.redirectUri()).getHost(), request.getRemoteUser(),
                request.getContextPath() + request.getServletPath() + "?" + request.getQueryString(),
                Map.of(SignedInForms.CSRF_FIELD, SignedInForms.csrfToken(request)), "confirm");
    }

    // prompt=login or an expired max_age (OpenID Connect Core §3.1.2.1): signed out, and back without what asked
    // for the new sign-in, which the application's login then asks for
    private static void signInAgain(HttpServletRequest request, HttpServletResponse response)
            throws ServletException {
        request.logout();
        request.getSession().invalidate();
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", request.getRequestURI() + "?"
                + OpenIdProvider.reauthenticationQuery(request.getQueryString()));
    }

    private static ResourceOwner owner(HttpServletRequest request) {
        return new ResourceOwner(request.getRemoteUser(), SignedInForms.authTime(request), Set.of(), null);
    }

    /** Back to the client if its redirect URI is known and registered; an error page if not (§4.1.2.1). */
    private void refuse(OAuth2Error error, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (error.isRedirect()) {
            server.handleErrorResponse(error, response);
        } else {
            error.headers().forEach(response::setHeader); // e.g. Retry-After of a 503
            page.message(error.status(), "This authorization request cannot be used",
                    error.description() + " (" + error.error() + ")", request, response);
        }
    }
}
