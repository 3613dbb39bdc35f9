package dev.tollgate.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import dev.tollgate.oauth2.OAuth2Client;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * A client's OpenID Connect Registration metadata (§2), read from {@link OAuth2Client#getMetadata()}, with
 * the specification's defaults for what it did not register.
 */
public record OpenIdClient(OAuth2Client client) {

    public static final String ID_TOKEN_SIGNED_RESPONSE_ALG = "id_token_signed_response_alg";
    public static final String USERINFO_SIGNED_RESPONSE_ALG = "userinfo_signed_response_alg";
    public static final String SUBJECT_TYPE = "subject_type";
    public static final String DEFAULT_MAX_AGE = "default_max_age";
    public static final String REQUIRE_AUTH_TIME = "require_auth_time";
    public static final String POST_LOGOUT_REDIRECT_URIS = "post_logout_redirect_uris";

    private JsonObject metadata() {
        return client.getMetadata();
    }

    /** The algorithm its ID tokens are signed with; the server's default when it registered none. */
    public JWSAlgorithm idTokenAlgorithm(SigningKeys keys) {
        String registered = string(ID_TOKEN_SIGNED_RESPONSE_ALG);
        return registered == null ? keys.algorithms().get(0) : JWSAlgorithm.parse(registered);
    }

    /** The algorithm its UserInfo responses are signed with, or {@code null} for plain JSON (§2). */
    public JWSAlgorithm userInfoAlgorithm() {
        String registered = string(USERINFO_SIGNED_RESPONSE_ALG);
        return registered == null ? null : JWSAlgorithm.parse(registered);
    }

    /** {@code public} or {@code pairwise} (Core §8); {@code public} unless registered. */
    public String subjectType() {
        String registered = string(SUBJECT_TYPE);
        return registered == null ? SubjectTypes.PUBLIC : registered;
    }

    /** Its default {@code max_age} in seconds, or {@code null}. */
    public Long defaultMaxAge() {
        JsonValue value = metadata().get(DEFAULT_MAX_AGE);
        return value instanceof JsonNumber number ? number.longValue() : null;
    }

    /** Whether every ID token must carry {@code auth_time}. */
    public boolean requiresAuthTime() {
        return metadata().get(REQUIRE_AUTH_TIME) == JsonValue.TRUE;
    }

    /** Where RP-initiated logout may send the user back (RP-Initiated Logout 1.0 §3.1). */
    public List<String> postLogoutRedirectUris() {
        JsonValue value = metadata().get(POST_LOGOUT_REDIRECT_URIS);
        if (!(value instanceof jakarta.json.JsonArray array)) {
            return List.of();
        }
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private String string(String name) {
        return metadata().get(name) instanceof JsonString text ? text.getString() : null;
    }
}
