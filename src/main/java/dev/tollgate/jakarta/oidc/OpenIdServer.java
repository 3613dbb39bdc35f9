package dev.tollgate.jakarta.oidc;

import dev.tollgate.jakarta.oauth2.AuthorizationServer;
import dev.tollgate.jakarta.oauth2.OAuth2Requests;
import dev.tollgate.jakarta.servlet.ProxySettings;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.ResourceOwner;
import dev.tollgate.oidc.Consent;
import dev.tollgate.oidc.Interaction;
import dev.tollgate.oidc.LogoutRequest;
import dev.tollgate.oidc.OpenIdProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;

/**
 * The OpenID provider for the application's pages: what an authorization request needs from the user,
 * remembered consents, and RP-initiated logout. A database outage surfaces as the 503
 * {@code temporarily_unavailable} error, as at the other endpoints.
 */
@ApplicationScoped
public class OpenIdServer {

    private final OpenIdProvider provider;
    private final AuthorizationServer server;
    private final ProxySettings proxy;

    /** For the CDI client proxy only. */
    protected OpenIdServer() {
        this.provider = null;
        this.server = null;
        this.proxy = null;
    }

    @Inject
    public OpenIdServer(OpenIdProvider provider, AuthorizationServer server, ProxySettings proxy) {
        this.provider = provider;
        this.server = server;
        this.proxy = proxy;
    }

    /** See {@link OpenIdProvider#interaction}; errors are to be answered with {@code handleErrorResponse}. */
    public Interaction interaction(AuthorizationRequest request, ResourceOwner signedIn) {
        try {
            return provider.interaction(request, signedIn);
        } catch (RuntimeException failure) {
            throw AuthorizationServer.unavailable(failure);
        }
    }

    /** See {@link OpenIdProvider#reauthenticationQuery}. */
    public String reauthenticationQuery(String query) {
        return OpenIdProvider.reauthenticationQuery(query);
    }

    public void rememberConsent(String subject, AuthorizationRequest request) {
        provider.rememberConsent(subject, request);
    }

    public List<Consent> consents(String subject) {
        return provider.consents(subject);
    }

    /** Forgets the consent and revokes what the user granted the client: tokens and unredeemed codes. */
    public boolean withdrawConsent(String subject, String clientId) {
        boolean forgotten = provider.withdrawConsent(subject, clientId);
        return server.revokeAuthorization(subject, clientId) || forgotten;
    }

    /** See {@link OpenIdProvider#validateLogoutRequest}. */
    public LogoutRequest validateLogoutRequest(HttpServletRequest request) throws IOException {
        try {
            return provider.validateLogoutRequest(OAuth2Requests.from(request, proxy));
        } catch (RuntimeException failure) {
            throw AuthorizationServer.unavailable(failure);
        }
    }

    /** Whether the logout request's {@code id_token_hint} names the signed-in user. */
    public boolean isHintFor(LogoutRequest logout, String subject) {
        return provider.isHintFor(logout, subject);
    }

    public OpenIdProvider provider() {
        return provider;
    }
}
