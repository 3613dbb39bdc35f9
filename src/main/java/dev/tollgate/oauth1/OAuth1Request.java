package dev.tollgate.oauth1;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the OAuth 1.0a core sees it: method, absolute URI, headers, and every parameter with its
 * location. Built with {@link #from}, which checks the rules of RFC 5849 §3.5, so that an instance always has
 * its {@code oauth_*} parameters in a single location and none of them twice.
 */
public final class OAuth1Request {

    private final String method;
    private final URI uri;
    private final Map<String, List<String>> headers;
    private final List<Parameter> parameters;
    private final String realm;

    OAuth1Request(String method, URI uri, Map<String, List<String>> headers, List<Parameter> parameters,
            String realm) {
        this.method = method;
        this.uri = uri;
        this.headers = headers;
        this.parameters = List.copyOf(parameters);
        this.realm = realm;
    }

    /**
     * Reads a request with the {@link RequestLimits#DEFAULT default limits}.
     *
     * @param method      the HTTP method
     * @param uri         the absolute URI the client addressed (the integration resolves proxies), query included
     * @param headers     the request headers; names are looked up case-insensitively
     * @param body        the entity-body, or {@code null}; read only when it is form-encoded
     * @param contentType the {@code Content-Type} of the body, or {@code null}
     * @throws OAuth1Error a 400 error for a malformed, oversized or ambiguous request
     */
    public static OAuth1Request from(String method, String uri, Map<String, List<String>> headers, String body,
            String contentType) throws OAuth1Error {
        return from(method, uri, headers, body, contentType, RequestLimits.DEFAULT);
    }

    /** As {@link #from(String, String, Map, String, String)}, with explicit size limits. */
    public static OAuth1Request from(String method, String uri, Map<String, List<String>> headers, String body,
            String contentType, RequestLimits limits) throws OAuth1Error {
        return new OAuth1RequestReader(limits).read(method, uri, headers, body, contentType);
    }

    /** The HTTP method, in upper case. */
    public String method() {
        return method;
    }

    /** The absolute request URI, query included. */
    public URI uri() {
        return uri;
    }

    /** Whether the request came over TLS, judged by the URI scheme. */
    public boolean isSecure() {
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    /** All headers; the map looks names up case-insensitively. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every parameter from the header, body and query, repeated names kept; {@code realm} excluded. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The first value of a parameter, or {@code null}; protocol parameters occur at most once. */
    public String parameter(String name) {
        for (Parameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                return parameter.value();
            }
        }
        return null;
    }

    /** Where the {@code oauth_*} parameters were sent, if any were. */
    public Optional<ParameterLocation> protocolLocation() {
        return parameters.stream().filter(Parameter::isProtocolParameter).map(Parameter::location).findFirst();
    }

    /** The {@code realm} of the {@code Authorization} header (RFC 5849 §3.5.1: not signed). */
    public Optional<String> realm() {
        return Optional.ofNullable(realm);
    }

    /** {@code oauth_consumer_key}: the client identifier, or {@code null}. */
    public String clientId() {
        return parameter(OAuthParameters.CONSUMER_KEY);
    }

    /** {@code oauth_token}, or {@code null}. */
    public String token() {
        return parameter(OAuthParameters.TOKEN);
    }

    /** {@code oauth_signature_method}, or {@code null}. */
    public String signatureMethod() {
        return parameter(OAuthParameters.SIGNATURE_METHOD);
    }

    /** {@code oauth_signature}, decoded, or {@code null}. */
    public String signature() {
        return parameter(OAuthParameters.SIGNATURE);
    }

    /** {@code oauth_timestamp}, or {@code null}. */
    public String timestamp() {
        return parameter(OAuthParameters.TIMESTAMP);
    }

    /** {@code oauth_nonce}, or {@code null}. */
    public String nonce() {
        return parameter(OAuthParameters.NONCE);
    }

    /** {@code oauth_callback}, or {@code null}. */
    public String callback() {
        return parameter(OAuthParameters.CALLBACK);
    }

    /** {@code oauth_verifier}, or {@code null}. */
    public String verifier() {
        return parameter(OAuthParameters.VERIFIER);
    }
}
