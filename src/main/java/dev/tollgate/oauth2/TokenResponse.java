package dev.tollgate.oauth2;

import static dev.tollgate.common.JsonSupport.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A successful access token response (RFC 6749 §5.1), holding the token strings in plain text:
 * the only time they exist outside the client.
 *
 * @param token        the stored token (hashes only)
 * @param accessToken  the access token
 * @param expiresIn    seconds until the access token expires
 * @param refreshToken the refresh token, or {@code null}
 * @param scope        the granted scope, space-delimited
 */
public record TokenResponse(OAuth2Token token, String accessToken, long expiresIn, String refreshToken, String scope) {

    /** RFC 6750 §4. */
    public static final String TOKEN_TYPE = "Bearer";

    /** The JSON body of the token endpoint. */
    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("access_token", accessToken)
                .add("token_type", TOKEN_TYPE)
                .add("expires_in", expiresIn);
        if (refreshToken != null) {
            json.add("refresh_token", refreshToken);
        }
        if (!scope.isEmpty()) {
            json.add("scope", scope);
        }
        return json.build();
    }

    /** The same fields as parameters, for the fragment of an implicit grant redirect (RFC 6749 §4.2.2). */
    public Map<String, String> toParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("access_token", accessToken);
        parameters.put("token_type", TOKEN_TYPE);
        parameters.put("expires_in", Long.toString(expiresIn));
        parameters.put("refresh_token", refreshToken);
        parameters.put("scope", scope.isEmpty() ? null : scope);
        return parameters;
    }
}
