package dev.tollgate.oauth2;

import dev.tollgate.common.JsonSupport;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an endpoint answers: an HTTP status, headers and a body ({@code ""} when there is none).
 * The integration writes it to the servlet response as is.
 */
public record OAuth2Response(int status, Map<String, String> headers, String body) {

    public static final String JSON = "application/json";

    public OAuth2Response {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** A JSON response that may not be cached (RFC 6749 §5.1). */
    public static OAuth2Response json(int status, JsonObject body) {
        return json(status, body, Map.of());
    }

    /** A JSON response that may not be cached, with extra headers. */
    public static OAuth2Response json(int status, JsonObject body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        headers.put("Cache-Control", "no-store");
        headers.put("Pragma", "no-cache");
        headers.putAll(extraHeaders);
        return new OAuth2Response(status, headers, body.toString());
    }

    /** A 303 redirect: never 307, which would replay the user's credentials (RFC 9700 §4.12). */
    public static OAuth2Response redirect(String location) {
        return new OAuth2Response(303, Map.of("Location", location, "Cache-Control", "no-store"), "");
    }

    /**
     * The one place an error becomes a response: a redirect with {@code error}, {@code error_description},
     * {@code error_uri}, {@code state} and {@code iss} (RFC 9207) when it has a validated redirect URI,
     * otherwise a JSON body (RFC 6749 §5.2) with the error's status and headers.
     *
     * @param issuer the authorization server's issuer identifier, added to redirects
     */
    public static OAuth2Response fromError(OAuth2Error error, String issuer) {
        if (error.isRedirect()) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("error", error.error());
            parameters.put("error_description", error.description());
            parameters.put("error_uri", error.uri());
            parameters.put("state", error.state());
            parameters.put("iss", issuer);
            return error.responseMode().respond(error.redirectUri(), parameters);
        }
        JsonObjectBuilder body = JsonSupport.JSON.createObjectBuilder().add("error", error.error());
        if (error.description() != null) {
            body.add("error_description", error.description());
        }
        if (error.uri() != null) {
            body.add("error_uri", error.uri());
        }
        if (error.state() != null) {
            body.add("state", error.state());
        }
        return json(error.status(), body.build(), error.headers());
    }

    /** The status, header names and body length: a body or a {@code Location} may hold a token. */
    @Override
    public String toString() {
        return "OAuth2Response[status=" + status + ", headers=" + headers.keySet() + ", body=" + body.length()
                + " chars]";
    }

    /** A header value by case-insensitive name, or {@code null}. */
    public String header(String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
