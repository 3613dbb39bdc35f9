package dev.tollgate.jakarta.oauth1;

import dev.tollgate.jakarta.servlet.AuthenticatedRequest;
import dev.tollgate.oauth1.OAuth1Error;
import dev.tollgate.oauth1.ResourceAccess;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Lets through only requests signed with a token credential (RFC 5849 §3); map it to the URL patterns to
 * protect. On success the request carries the {@link #CLIENT client}, the {@link #TOKEN_CREDENTIAL token
 * credential} and the {@link #USER user id} as attributes, and {@code getUserPrincipal()} is the resource
 * owner. On failure the client gets the RFC's status, a form-encoded error and
 * {@code WWW-Authenticate: OAuth realm="..."}.
 */
public class OAuth1ResourceFilter extends HttpFilter {

    /** Attribute holding the {@link dev.tollgate.oauth1.OAuth1Client} that signed the request. */
    public static final String CLIENT = "dev.tollgate.oauth1.client";
    /** Attribute holding the {@link dev.tollgate.oauth1.TokenCredential} the request was signed with. */
    public static final String TOKEN_CREDENTIAL = "dev.tollgate.oauth1.token_credential";
    /** Attribute holding the resource owner's user id. */
    public static final String USER = "dev.tollgate.oauth1.user";

    @Inject
    CacheAuthorizationServer server;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ResourceAccess access;
        try {
            access = server.validateRequest(request);
        } catch (OAuth1Error error) {
            server.send(server.resourceErrorResponse(error), response);
            return;
        }
        request.setAttribute(CLIENT, access.client());
        request.setAttribute(TOKEN_CREDENTIAL, access.credential());
        request.setAttribute(USER, access.userId());
        chain.doFilter(new AuthenticatedRequest(request, access.userId(), "OAuth"), response);
    }
}
