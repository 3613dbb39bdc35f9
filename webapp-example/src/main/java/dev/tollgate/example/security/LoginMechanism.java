package dev.tollgate.example.security;

import dev.tollgate.example.web.Csrf;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sign-in through Jakarta Security. A {@code POST /login} is checked against the identity stores
 * ({@link DemoUsers}); on success the container is told who the caller is and {@link AutoApplySession} keeps
 * them in the HTTP session, so {@code request.getUserPrincipal()} names them on every later request, on
 * unprotected pages too. Every other request passes through untouched: pages that need a user send the
 * browser to the login page themselves ({@link dev.tollgate.example.web.Pages#requireUser}).
 */
@ApplicationScoped
@AutoApplySession
public class LoginMechanism implements HttpAuthenticationMechanism {

    /** Request attribute set when a login attempt failed, for the login page to say so. */
    public static final String FAILED = LoginMechanism.class.getName() + ".failed";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (!isLoginAttempt(request)) {
            return context.doNothing();
        }
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        if (username == null || password == null || !Csrf.isSameOrigin(request)) {
            request.setAttribute(FAILED, Boolean.TRUE);
            return context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(username, password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            request.setAttribute(FAILED, Boolean.TRUE);
            return context.doNothing();
        }
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation: a signed-in session never has an id chosen before
        }
        return context.notifyContainerAboutLogin(result);
    }

    private static boolean isLoginAttempt(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && (request.getContextPath() + "/login").equals(request.getRequestURI());
    }
}
