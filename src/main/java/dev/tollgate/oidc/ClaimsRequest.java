package dev.tollgate.oidc;

import dev.tollgate.common.JsonSupport;
import dev.tollgate.oauth2.OAuth2Error;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code claims} request parameter (Core §5.5): the individual claims a client asks for, for UserInfo and
 * for the ID token. Requests for particular values and {@code essential} are accepted and treated as
 * voluntary (§5.5.1: the server may return the claims it can).
 *
 * @param userInfo claim names for UserInfo
 * @param idToken  claim names for the ID token
 */
public record ClaimsRequest(Set<String> userInfo, Set<String> idToken) {

    /** The longest {@code claims} parameter accepted. */
    public static final int MAX_LENGTH = 4096;
    /** The most claims named for each target. */
    public static final int MAX_CLAIMS = 24;
    /** The most characters of claim names for each target: they are kept with the code and the token. */
    public static final int MAX_NAMES_LENGTH = 1000;

    // a scope token's characters (RFC 6749 §3.3), so that URI names (Core §5.1.2) pass; a space separates names
    private static final Pattern CLAIM_NAME = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,255}");

    public ClaimsRequest {
        userInfo = Set.copyOf(userInfo);
        idToken = Set.copyOf(idToken);
    }

    /**
     * Reads the parameter.
     *
     * @throws OAuth2Error {@code invalid_request} if it is not a JSON object of the form §5.5 gives
     */
    public static ClaimsRequest parse(String parameter) {
        if (parameter.length() > MAX_LENGTH) {
            throw OAuth2Error.invalidRequest("The claims parameter is too long.");
        }
        JsonValue value;
        try {
            value = JsonSupport.parse(parameter);
        } catch (IllegalArgumentException e) {
            throw OAuth2Error.invalidRequest("The claims parameter is not JSON.");
        }
        if (!(value instanceof JsonObject object)) {
            throw OAuth2Error.invalidRequest("The claims parameter must be a JSON object.");
        }
        return new ClaimsRequest(names(object, "userinfo"), names(object, "id_token"));
    }

    private static Set<String> names(JsonObject request, String member) {
        JsonValue value = request.get(member);
        if (value == null || value == JsonValue.NULL) {
            return Set.of();
        }
        if (!(value instanceof JsonObject claims) || claims.size() > MAX_CLAIMS) {
            throw OAuth2Error.invalidRequest("The claims parameter's '" + member + "' must be an object of at most "
                    + MAX_CLAIMS + " claims.");
        }
        Set<String> names = new TreeSet<>();
        claims.forEach((name, individual) -> {
            if (!CLAIM_NAME.matcher(name).matches()
                    || !(individual == JsonValue.NULL || individual instanceof JsonObject)) {
                throw OAuth2Error.invalidRequest("Malformed claim request '" + member + "'.");
            }
            names.add(name);
        });
        if (String.join(" ", names).length() > MAX_NAMES_LENGTH) {
            throw OAuth2Error.invalidRequest("The claims parameter's '" + member + "' names too much.");
        }
        return names;
    }
}
