package dev.tollgate.oauth2;

import static dev.tollgate.common.JsonSupport.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A successful access token response (RFC 6749 §5.1), holding the token strings in plain text: the only time
 * they exist outside the client. Extensions add parameters ({@code id_token}) or change the token type
 * ({@code DPoP}); {@link #toString()} never shows a token.
 *
 * @param token        the stored token (hashes only)
 * @param tokenType    the token type (RFC 6749 §7.1), {@code Bearer} unless an extension binds the token
 * @param accessToken  the access token
 * @param expiresIn    seconds until the access token expires
 * @param refreshToken the refresh token, or {@code null}
 * @param scope        the granted scope, space-delimited
 * @param parameters   more parameters of the response, e.g. {@code id_token}
 */
public record TokenResponse(OAuth2Token token, String tokenType, String accessToken, long expiresIn,
                            String refreshToken, String scope, Map<String, String> parameters) {

    /** RFC 6750 §4. */
    public static final String BEARER = "Bearer";

    public TokenResponse {
        parameters = Map.copyOf(parameters);
    }

    /** This response with one more parameter. */
    public TokenResponse withParameter(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return new TokenResponse(token, tokenType, accessToken, expiresIn, refreshToken, scope, more);
    }

    /** This response with another token type. */
    public TokenResponse withTokenType(String type) {
        return new TokenResponse(token, type, accessToken, expiresIn, refreshToken, scope, parameters);
    }

    /** The JSON body of the token endpoint. */
    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("access_token", accessToken)
                .add("token_type", tokenType)
                .add("expires_in", expiresIn);
        if (refreshToken != null) {
            json.add("refresh_token", refreshToken);
        }
        if (!scope.isEmpty()) {
            json.add("scope", scope);
        }
        parameters.forEach(json::add);
        return json.build();
    }

    /** The same fields as parameters, for the fragment of an implicit grant redirect (RFC 6749 §4.2.2). */
    public Map<String, String> toParameters() {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("access_token", accessToken);
        result.put("token_type", tokenType);
        result.put("expires_in", Long.toString(expiresIn));
        result.put("refresh_token", refreshToken);
        result.put("scope", scope.isEmpty() ? null : scope);
        result.putAll(parameters);
        return result;
    }

    /** The token type, lifetime, scope and parameter names: never a token. */
    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", refreshToken="
                + (refreshToken != null) + ", scope=" + scope + ", parameters=" + parameters.keySet() + "]";
    }
}
