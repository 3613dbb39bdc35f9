package dev.tollgate.jakarta.oauth2;

import dev.tollgate.jakarta.servlet.Outages;
import dev.tollgate.jakarta.servlet.ProxySettings;
import dev.tollgate.jakarta.servlet.ServletResponses;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.OAuth2Server;
import dev.tollgate.oauth2.ResourceOwner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The OAuth 2.0 authorization server as a CDI bean, over the core server that {@link OAuth2ServerProducer}
 * produces. Inject it into the servlet of your authorization page: {@link #validateConsentRequest} for the
 * consent page, {@link #createAuthorizationResponse} with the resource owner's decision. The token,
 * revocation, introspection, metadata and registration endpoints are ready-made servlets
 * ({@link TokenServlet}, {@link EndpointServlet} subclasses), and {@link BearerTokenFilter} protects resources.
 */
@ApplicationScoped
public class AuthorizationServer {

    private final OAuth2Server server;
    private final ProxySettings proxy;

    /** For the CDI client proxy only. */
    protected AuthorizationServer() {
        this.server = null;
        this.proxy = null;
    }

    @Inject
    public AuthorizationServer(OAuth2Server server, ProxySettings proxy) {
        this.server = server;
        this.proxy = proxy;
    }

    /**
     * What the consent page shows: the client, the scopes, the redirect URI (RFC 6749 §4.1.1).
     *
     * @throws OAuth2Error if the request is invalid. When {@link OAuth2Error#isRedirect()} is false (an
     *                     unknown client or redirect URI) show your error page, never redirect; otherwise
     *                     answer with {@link #handleErrorResponse}, which redirects to the client.
     */
    public AuthorizationRequest validateConsentRequest(HttpServletRequest request) throws IOException {
        try {
            return server.validateConsentRequest(OAuth2Requests.from(request, proxy));
        } catch (RuntimeException failure) {
            throw unavailable(failure);
        }
    }

    /**
     * Answers the resource owner's decision: the user named {@code grantUser} granted the request, or
     * {@code null} denied it. Writes a 303 to the client with the code or token, or with the error.
     *
     * @throws OAuth2Error only for errors that must not redirect (see {@link #validateConsentRequest})
     */
    public void createAuthorizationResponse(HttpServletRequest request, HttpServletResponse response,
            String grantUser) throws IOException {
        createAuthorizationResponse(request, response, grantUser == null ? null : ResourceOwner.of(grantUser));
    }

    /**
     * Answers the resource owner's decision, with what the application knows of their authentication
     * (authentication time, methods, level), or {@code null} if they denied it.
     *
     * @throws OAuth2Error only for errors that must not redirect (see {@link #validateConsentRequest})
     */
    public void createAuthorizationResponse(HttpServletRequest request, HttpServletResponse response,
            ResourceOwner owner) throws IOException {
        OAuth2Response answer;
        try {
            answer = server.createAuthorizationResponse(OAuth2Requests.from(request, proxy), owner);
        } catch (RuntimeException failure) {
            throw unavailable(failure);
        }
        send(answer, response);
    }

    /**
     * Answers a request already validated, e.g. one that needs no page because the user consented before
     * (OpenID Connect {@code prompt=none}).
     *
     * @param owner the resource owner who granted it, or {@code null} if they denied it
     */
    public void createAuthorizationResponse(AuthorizationRequest authorization, ResourceOwner owner,
            HttpServletResponse response) throws IOException {
        OAuth2Response answer;
        try {
            answer = server.createAuthorizationResponse(authorization, owner);
        } catch (RuntimeException failure) {
            answer = server.handleErrorResponse(unavailable(failure));
        }
        send(answer, response);
    }

    /** Serves the token endpoint (RFC 6749 §3.2). */
    public void createTokenResponse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OAuth2Response answer;
        try {
            answer = server.createTokenResponse(OAuth2Requests.from(request, proxy));
        } catch (RuntimeException failure) {
            answer = server.handleErrorResponse(unavailable(failure));
        }
        send(answer, response);
    }

    /** Serves a registered endpoint by name, e.g. {@code revocation} (RFC 7009). */
    public void createEndpointResponse(String name, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        OAuth2Response answer;
        try {
            answer = server.createEndpointResponse(name, OAuth2Requests.from(request, proxy));
        } catch (RuntimeException failure) {
            answer = server.handleErrorResponse(unavailable(failure));
        }
        send(answer, response);
    }

    /** Writes the response for an error: a redirect to the client, or JSON. */
    public void handleErrorResponse(OAuth2Error error, HttpServletResponse response) throws IOException {
        send(server.handleErrorResponse(error), response);
    }

    /**
     * Revokes what a user granted a client: every live token and every unredeemed code, each grant reported
     * as an {@link OAuth2Event} ({@code GRANT_REVOKED}).
     *
     * @return whether there was anything to revoke
     */
    public boolean revokeAuthorization(String username, String clientId) {
        return server.revokeAuthorization(username, clientId);
    }

    /** The core server, to inspect its settings or what it was built with. */
    public OAuth2Server core() {
        return server;
    }

    /**
     * The error to answer for a failure: the protocol's own as it is, a database outage as 503
     * {@code temporarily_unavailable} with {@code Retry-After} (never redirected); any other failure is thrown.
     */
    public static OAuth2Error unavailable(RuntimeException failure) {
        if (failure instanceof OAuth2Error error) {
            return error;
        }
        if (Outages.isDatabaseOutage(failure)) {
            return OAuth2Error.temporarilyUnavailable();
        }
        throw failure;
    }

    static void send(OAuth2Response answer, HttpServletResponse response) throws IOException {
        ServletResponses.write(response, answer.status(), answer.headers(), answer.body());
    }
}
