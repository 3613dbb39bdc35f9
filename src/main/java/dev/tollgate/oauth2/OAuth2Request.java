package dev.tollgate.oauth2;

import dev.tollgate.common.FormUrlEncoding;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as the protocol sees it: method, URI, headers (looked up case-insensitively), the
 * parameters of the query and of a form body, each with its origin, and the raw body for JSON endpoints.
 * Built from plain values by {@link #of}, so that the servlet layer and tests build it the same way.
 *
 * <p>Parameters sent without a value are treated as omitted (RFC 6749 §3.1): {@link #param} and
 * {@link #form} return {@code null} for them.
 */
public final class OAuth2Request {

    /** Longest accepted request URI, in characters. */
    public static final int MAX_URI_LENGTH = 8 * 1024;
    /** Longest accepted body, in characters. */
    public static final int MAX_BODY_LENGTH = 64 * 1024;
    /** Most parameters accepted in query and body together. */
    public static final int MAX_PARAMETERS = 64;

    private final String method;
    private final URI uri;
    private final Map<String, List<String>> headers;
    private final Map<String, String> query;
    private final Map<String, String> form;
    private final String body;

    private OAuth2Request(String method, URI uri, Map<String, List<String>> headers,
                          Map<String, String> query, Map<String, String> form, String body) {
        this.method = method;
        this.uri = uri;
        this.headers = headers;
        this.query = query;
        this.form = form;
        this.body = body;
    }

    /**
     * Builds a request from plain values.
     *
     * @param method      the HTTP method
     * @param uri         the full request URI, with its query string
     * @param headers     header names to values; names are matched case-insensitively
     * @param body        the request body, or {@code null}
     * @param contentType the {@code Content-Type} of the body, or {@code null}; only an
     *                    {@code application/x-www-form-urlencoded} body is read as parameters
     * @throws OAuth2Error {@code invalid_request} (never redirected) if the URI or body is too long or
     *                     malformed, or a parameter is repeated (RFC 6749 §3.1, §3.2)
     */
    public static OAuth2Request of(String method, String uri, Map<String, List<String>> headers,
                                   String body, String contentType) {
        if (uri.length() > MAX_URI_LENGTH) {
            throw OAuth2Error.invalidRequest("The request URI is too long.");
        }
        String text = body == null ? "" : body;
        if (text.length() > MAX_BODY_LENGTH) {
            throw OAuth2Error.invalidRequest("The request body is too long.");
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw OAuth2Error.invalidRequest("The request URI is malformed.");
        }
        Map<String, String> query = parameters(parsed.getRawQuery(), Map.of());
        Map<String, String> form = isForm(contentType) ? parameters(text, query) : Map.of();
        if (query.size() + form.size() > MAX_PARAMETERS) {
            throw OAuth2Error.invalidRequest("Too many parameters.");
        }
        Map<String, List<String>> headerMap = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> headerMap.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        headerMap.replaceAll((name, values) -> List.copyOf(values));
        return new OAuth2Request(method.toUpperCase(Locale.ROOT), parsed, Collections.unmodifiableMap(headerMap),
                query, form, text);
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mediaType.equalsIgnoreCase(FormUrlEncoding.CONTENT_TYPE);
    }

    // RFC 6749 §3.1, §3.2: parameters MUST NOT be included more than once, also across query and body.
    private static Map<String, String> parameters(String encoded, Map<String, String> other) {
        List<Map.Entry<String, String>> pairs;
        try {
            pairs = FormUrlEncoding.parse(encoded);
        } catch (IllegalArgumentException e) {
            throw OAuth2Error.invalidRequest("Malformed parameter encoding.");
        }
        if (pairs.size() > MAX_PARAMETERS) {
            throw OAuth2Error.invalidRequest("Too many parameters.");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : pairs) {
            if (result.containsKey(pair.getKey()) || other.containsKey(pair.getKey())) {
                throw OAuth2Error.invalidRequest("Repeated parameter '" + pair.getKey() + "'.");
            }
            result.put(pair.getKey(), pair.getValue());
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * This request with other parameters in place of those of its query and body, e.g. those of a request object
     * (RFC 9101); method, URI, headers and body stay.
     *
     * @throws OAuth2Error {@code invalid_request} if there are more than {@link #MAX_PARAMETERS}
     */
    public OAuth2Request withParameters(Map<String, String> parameters) {
        if (parameters.size() > MAX_PARAMETERS) {
            throw OAuth2Error.invalidRequest("Too many parameters.");
        }
        return new OAuth2Request(method, uri, headers, Collections.unmodifiableMap(new LinkedHashMap<>(parameters)),
                Map.of(), body);
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    /** Every value of a header, or an empty list. */
    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * The {@code Authorization} header, or {@code null}.
     *
     * @throws OAuth2Error {@code invalid_request} if the header is sent more than once
     */
    public String authorization() {
        List<String> values = headers("Authorization");
        if (values.size() > 1) {
            throw OAuth2Error.invalidRequest("Repeated Authorization header.");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** A parameter from the query or the form body, or {@code null} if absent or empty. */
    public String param(String name) {
        String value = query.containsKey(name) ? query.get(name) : form.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A parameter from the form body only (for credentials, RFC 6749 §2.3.1), or {@code null}. */
    public String form(String name) {
        String value = form.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The query parameters, in order. */
    public Map<String, String> query() {
        return query;
    }

    /** The form body parameters, in order; empty unless the body was form-encoded. */
    public Map<String, String> form() {
        return form;
    }

    /** The raw body, {@code ""} when there is none. */
    public String body() {
        return body;
    }
}
