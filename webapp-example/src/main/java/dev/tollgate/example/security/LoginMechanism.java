package dev.tollgate.example.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sign-in through Jakarta Security. {@link LoginServlet} hands the login form's credential to
 * {@code SecurityContext.authenticate}, which calls this mechanism; it checks it against the identity stores
 * ({@link DemoUsers}) and on success tells the container who the caller is. {@link AutoApplySession} then keeps
 * them in the HTTP session, so {@code request.getUserPrincipal()} names them on every later request, on
 * unprotected pages too. Every other request passes through untouched: pages that need a user send the
 * browser to the login page themselves ({@link dev.tollgate.example.web.Pages#requireUser}).
 */
@ApplicationScoped
@AutoApplySession
public class LoginMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (!context.isAuthenticationRequest() || credential == null) {
            return context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return context.doNothing(); // the login page says so; no session is created
        }
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation: a signed-in session never keeps an earlier id
        }
        return context.notifyContainerAboutLogin(result);
    }
}
