package dev.tollgate.jakarta.oauth2;

import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.jakarta.servlet.AuthenticatedRequest;
import dev.tollgate.jakarta.servlet.ProxySettings;
import dev.tollgate.jakarta.servlet.ServletRequests;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Token;
import dev.tollgate.oauth2.ResourceProtector;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets through only requests with a valid bearer token (RFC 6750); map it to the URL patterns to protect,
 * once per set of required scopes. The init parameter {@code scope} names them: a space-separated set that
 * must all be granted, or several such sets separated by commas, any one of which suffices. On success the
 * request carries the {@link #TOKEN token}, {@link #CLIENT_ID client id}, {@link #USERNAME username} and
 * {@link #SCOPE scope} as attributes, and {@code getUserPrincipal()} is the resource owner (none for a client's own token). On
 * failure: 401 or 403 with {@code WWW-Authenticate: Bearer ...} and a JSON error.
 */
public class BearerTokenFilter extends HttpFilter {

    /** Attribute holding the validated {@link OAuth2Token}. */
    public static final String TOKEN = "dev.tollgate.oauth2.token";
    /** Attribute holding the client id the token was issued to. */
    public static final String CLIENT_ID = "dev.tollgate.oauth2.client_id";
    /** Attribute holding the resource owner's username, absent for a client's own token. */
    public static final String USERNAME = "dev.tollgate.oauth2.username";
    /** Attribute holding the granted scope, space-separated. */
    public static final String SCOPE = "dev.tollgate.oauth2.scope";

    @Inject
    ResourceProtector protector;

    @Inject
    Event<OAuth2Event> events;

    @Inject
    ProxySettings proxy;

    private String[] scopes;

    @Override
    public void init() {
        scopes = requiredScopes(getInitParameter("scope"));
    }

    /**
     * The {@code scope} init parameter as alternatives, whitespace normalised. An empty alternative would
     * admit any token, so it is a configuration error rather than a silent "no scope required".
     */
    static String[] requiredScopes(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return new String[0];
        }
        String[] alternatives = Arrays.stream(parameter.split(",", -1))
                .map(alternative -> String.join(" ", alternative.trim().split("\\s+")))
                .toArray(String[]::new);
        if (Arrays.stream(alternatives).anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("Empty scope alternative in \"" + parameter + "\"");
        }
        return alternatives;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        OAuth2Token token;
        try {
            token = protector.validateRequest(bearerRequest(request), scopes);
        } catch (RuntimeException failure) {
            AuthorizationServer.send(protector.errorResponse(AuthorizationServer.unavailable(failure)), response);
            return;
        }
        events.fire(new OAuth2Event(OAuth2Event.Kind.TOKEN_AUTHENTICATED, token, token.getGrantId(),
                token.getClientId()));
        request.setAttribute(TOKEN, token);
        request.setAttribute(CLIENT_ID, token.getClientId());
        request.setAttribute(SCOPE, token.getScope());
        if (token.getUsername() != null) {
            request.setAttribute(USERNAME, token.getUsername());
        }
        // always wrapped: a client's own token has no user, whoever is signed in to the session
        String scheme = token.getAttributes().containsKey(OAuth2Token.JWK_THUMBPRINT) ? "DPoP" : "Bearer";
        chain.doFilter(new AuthenticatedRequest(request, token.getUsername(), scheme), response);
    }

    /**
     * Only what RFC 6750 reads: the {@code Authorization} header and, if allowed, the {@code access_token} of a
     * form body; never the application's own query, which may repeat names or be long. The body is read through
     * the parameter map, so the application can still read it. With a {@code DPoP} proof, that header and the URL
     * without its query too, which the proof names (RFC 9449 §4.3 item 9).
     */
    private OAuth2Request bearerRequest(HttpServletRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        List<String> authorization = Collections.list(request.getHeaders("Authorization"));
        if (!authorization.isEmpty()) {
            headers.put("Authorization", authorization);
        }
        List<String> proofs = Collections.list(request.getHeaders("DPoP"));
        if (!proofs.isEmpty()) {
            headers.put("DPoP", proofs);
        }
        String body = null;
        if (protector.bodyTokensAllowed() && "POST".equalsIgnoreCase(request.getMethod())
                && ServletRequests.isForm(request.getContentType())) {
            List<Map.Entry<String, String>> tokens = FormUrlEncoding.parse(OAuth2Requests.formBody(request)).stream()
                    .filter(parameter -> "access_token".equals(parameter.getKey())).toList();
            body = tokens.isEmpty() ? null : FormUrlEncoding.format(tokens);
        }
        String url = proofs.isEmpty() ? "/" : ServletRequests.absoluteUrl(request, proxy);
        return OAuth2Request.of(request.getMethod(), url, headers, body,
                body == null ? null : FormUrlEncoding.CONTENT_TYPE);
    }
}
