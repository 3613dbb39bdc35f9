package dev.tollgate.oauth2;

import dev.tollgate.common.FormUrlEncoding;
import java.util.Map;

/**
 * How an authorization response reaches the client (OAuth 2.0 Multiple Response Type Encoding Practices §2):
 * chosen by {@code response_mode}, or the grant's default. Register more with
 * {@link OAuth2ServerBuilder#responseMode(ResponseMode)}, e.g. {@code form_post}.
 */
public interface ResponseMode {

    /** Parameters in the query of the redirect URI (RFC 6749 §4.1.2). */
    ResponseMode QUERY = new Redirect("query", false);
    /** Parameters in the fragment of the redirect URI (RFC 6749 §4.2.2). */
    ResponseMode FRAGMENT = new Redirect("fragment", true);

    /** The {@code response_mode} value, e.g. {@code query}. */
    String name();

    /** The response that delivers the parameters to the client's validated redirect URI. */
    OAuth2Response respond(String redirectUri, Map<String, String> parameters);

    /** A 303 redirect (never 307, RFC 9700 §4.12) with the parameters in the query or the fragment. */
    record Redirect(String name, boolean inFragment) implements ResponseMode {

        @Override
        public OAuth2Response respond(String redirectUri, Map<String, String> parameters) {
            String separator = inFragment ? "#" : redirectUri.indexOf('?') >= 0 ? "&" : "?";
            return OAuth2Response.redirect(redirectUri + separator + FormUrlEncoding.format(parameters));
        }
    }
}
