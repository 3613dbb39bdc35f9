package dev.tollgate.jakarta.oauth1;

import dev.tollgate.jakarta.cache.JCacheReplayCache;
import dev.tollgate.jakarta.cache.TollgateCaches;
import dev.tollgate.jakarta.servlet.Outages;
import dev.tollgate.jakarta.servlet.ProxySettings;
import dev.tollgate.jakarta.servlet.ServletResponses;
import dev.tollgate.oauth1.AuthorizationRequest;
import dev.tollgate.oauth1.OAuth1Server;
import dev.tollgate.oauth1.ClientStore;
import dev.tollgate.oauth1.OAuth1Error;
import dev.tollgate.oauth1.OAuth1Response;
import dev.tollgate.oauth1.OAuth1Settings;
import dev.tollgate.oauth1.ResourceAccess;
import dev.tollgate.oauth1.ResourceProtector;
import dev.tollgate.oauth1.SignatureMethods;
import dev.tollgate.oauth1.TemporarilyUnavailableError;
import dev.tollgate.oauth1.TokenCredentialStore;
import dev.tollgate.oauth1.TokenGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;

/**
 * The OAuth 1.0a authorization server as a CDI bean: temporary credentials, verifiers and nonces in JCache
 * caches, clients and token credentials from the {@link ClientStore} and {@link TokenCredentialStore} beans
 * (JPA by default). Inject it into the servlet of your authorization page, which calls
 * {@link #checkAuthorizationRequest} to show the consent page and {@link #createAuthorizationResponse} with
 * the resource owner's decision. {@link TemporaryCredentialServlet} and {@link TokenCredentialServlet} serve
 * the two other endpoints, and {@link OAuth1ResourceFilter} protects resources.
 */
@ApplicationScoped
public class CacheAuthorizationServer {

    static final String TEMPORARY_CREDENTIALS_CACHE = "oauth1.temporary-credentials";
    static final String NONCES_CACHE = "oauth1.nonces";

    private final OAuth1Server server;
    private final ResourceProtector protector;
    private final ProxySettings proxy;

    /** For the CDI client proxy only. */
    protected CacheAuthorizationServer() {
        this.server = null;
        this.protector = null;
        this.proxy = null;
    }

    @Inject
    public CacheAuthorizationServer(ClientStore clients, TokenCredentialStore tokenCredentials,
            TollgateCaches caches, OAuth1Settings settings, SignatureMethods signatureMethods,
            TokenGenerator tokenGenerator, Clock clock, ProxySettings proxy) {
        JCacheReplayCache nonces = new JCacheReplayCache(
                caches.cache(NONCES_CACHE, String.class, Boolean.class, settings.nonceLifetime()),
                settings.nonceLifetime());
        JCacheTemporaryCredentialStore temporaryCredentials = new JCacheTemporaryCredentialStore(
                caches.cache(TEMPORARY_CREDENTIALS_CACHE, String.class, CachedTemporaryCredential.class,
                        settings.temporaryCredentialLifetime()));
        this.server = new OAuth1Server(clients, temporaryCredentials, tokenCredentials, nonces, settings,
                signatureMethods, tokenGenerator, clock);
        this.protector = new ResourceProtector(clients, tokenCredentials, nonces, settings, signatureMethods, clock);
        this.proxy = proxy;
    }

    /**
     * Opens the caches when the application starts, so that one that would forget nonces sooner than the
     * timestamp window allows stops the deployment ({@link TollgateCaches#cache}) instead of letting replays in.
     */
    void openCachesAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the constructor opened them; being called is the point
    }

    /** Serves the temporary credential endpoint (RFC 5849 §2.1). */
    public void createTemporaryCredentialResponse(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        OAuth1Response answer;
        try {
            answer = server.createTemporaryCredentialResponse(OAuth1Requests.from(request, proxy));
        } catch (OAuth1Error error) {
            answer = OAuth1Response.error(error);
        } catch (RuntimeException failure) {
            answer = OAuth1Response.error(unavailable(failure));
        }
        send(answer, response);
    }

    /**
     * What the consent page shows (RFC 5849 §2.2) for the request's {@code oauth_token}.
     *
     * @throws OAuth1Error if the token is missing, unknown, expired or already authorized
     */
    public AuthorizationRequest checkAuthorizationRequest(HttpServletRequest request) throws OAuth1Error {
        try {
            return server.checkAuthorizationRequest(request.getParameter("oauth_token"));
        } catch (RuntimeException failure) {
            throw unavailable(failure);
        }
    }

    /**
     * The resource owner's decision on the request's {@code oauth_token}: {@code grantUser} granted it, or
     * {@code null} denied it. The answer is a redirect to the client's callback, or for an {@code oob}
     * callback a 200 whose {@link OAuth1Response#formParameters()} hold the {@code oauth_verifier} to show.
     * Write it with {@link #send} unless you render the verifier yourself.
     *
     * @throws OAuth1Error if the token is missing, unknown, expired or already authorized
     */
    public OAuth1Response createAuthorizationResponse(HttpServletRequest request, String grantUser)
            throws OAuth1Error {
        try {
            return server.createAuthorizationResponse(request.getParameter("oauth_token"), grantUser);
        } catch (RuntimeException failure) {
            throw unavailable(failure);
        }
    }

    /** Serves the token credential endpoint (RFC 5849 §2.3). */
    public void createTokenResponse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OAuth1Response answer;
        try {
            answer = server.createTokenResponse(OAuth1Requests.from(request, proxy));
        } catch (OAuth1Error error) {
            answer = OAuth1Response.error(error);
        } catch (RuntimeException failure) {
            answer = OAuth1Response.error(unavailable(failure));
        }
        send(answer, response);
    }

    /**
     * Verifies a signed request to a protected resource (RFC 5849 §3).
     *
     * @throws OAuth1Error 400 or 401 as RFC 5849 §3.2 says
     */
    public ResourceAccess validateRequest(HttpServletRequest request) throws OAuth1Error {
        try {
            return protector.validateRequest(OAuth1Requests.from(request, proxy));
        } catch (RuntimeException failure) {
            throw unavailable(failure);
        }
    }

    /** A database outage as the protocol's 503; any other failure as it is. */
    private static TemporarilyUnavailableError unavailable(RuntimeException failure) {
        if (Outages.isDatabaseOutage(failure)) {
            return new TemporarilyUnavailableError();
        }
        throw failure;
    }

    /**
     * The response for a failed protected-resource request. It carries {@code WWW-Authenticate: OAuth realm="..."}
     * on a 400 too, so that a client that sent no credentials at all learns the scheme to use.
     */
    public OAuth1Response resourceErrorResponse(OAuth1Error error) {
        return protector.errorResponse(error).withHeader("WWW-Authenticate", protector.wwwAuthenticate());
    }

    /** Writes a response of this server. */
    public void send(OAuth1Response answer, HttpServletResponse response) throws IOException {
        ServletResponses.write(response, answer.status(), answer.headers(), answer.body());
    }
}
