package dev.tollgate.oauth1;

import dev.tollgate.common.FormUrlEncoding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an endpoint answers: status, headers in order, and body. The integration writes it out as it is.
 * Bodies are {@code application/x-www-form-urlencoded} (RFC 5849 §2) and never cached.
 */
public record OAuth1Response(int status, Map<String, String> headers, String body) {

    public OAuth1Response {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(body, "body");
    }

    /** A form-encoded response with {@code Cache-Control: no-store} and {@code Pragma: no-cache}. */
    public static OAuth1Response form(int status, Map<String, String> parameters) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", FormUrlEncoding.CONTENT_TYPE);
        headers.putAll(noStore());
        return new OAuth1Response(status, headers, FormUrlEncoding.format(parameters));
    }

    /** A 302 redirect to {@code location}, not cached. */
    public static OAuth1Response redirect(String location) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", location);
        headers.putAll(noStore());
        return new OAuth1Response(302, headers, "");
    }

    /** The response for an error: its status, and {@code error} and {@code error_description} form-encoded. */
    public static OAuth1Response error(OAuth1Error error) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error.error());
        parameters.put("error_description", error.description());
        OAuth1Response response = form(error.status(), parameters);
        if (error instanceof MethodNotAllowedError) {
            return response.withHeader("Allow", "POST"); // RFC 9110 §15.5.6: a 405 names the methods allowed
        }
        // RFC 9110 §10.2.3: a 503 says when to try again
        return error instanceof TemporarilyUnavailableError ? response.withHeader("Retry-After", "5") : response;
    }

    /** This response with one more header, or with a header replaced. */
    public OAuth1Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new OAuth1Response(status, copy, body);
    }

    /** The {@code Location} of a redirect. */
    public Optional<String> location() {
        return Optional.ofNullable(headers.get("Location"));
    }

    /**
     * The form-encoded body as a map (the last of repeated names wins), e.g. to show the
     * {@code oauth_verifier} of an out-of-band authorization on a page.
     */
    public Map<String, String> formParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        FormUrlEncoding.parse(body).forEach(pair -> parameters.put(pair.getKey(), pair.getValue()));
        return Collections.unmodifiableMap(parameters);
    }

    private static Map<String, String> noStore() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store");
        headers.put("Pragma", "no-cache");
        return headers;
    }

    /** The status, header names and body length: a body holds token secrets, a {@code Location} a verifier. */
    @Override
    public String toString() {
        return "OAuth1Response[status=" + status + ", headers=" + headers.keySet() + ", body=" + body.length()
                + " chars]";
    }
}
