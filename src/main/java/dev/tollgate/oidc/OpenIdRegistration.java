package dev.tollgate.oidc;

import static dev.tollgate.common.JsonSupport.JSON;
import static dev.tollgate.oauth2.MetadataJson.MAX_LENGTH;
import static dev.tollgate.oauth2.MetadataJson.string;
import static dev.tollgate.oauth2.MetadataJson.strings;

import com.nimbusds.jose.JWSAlgorithm;
import dev.tollgate.oauth2.ClientMetadata;
import dev.tollgate.oauth2.ClientMetadataExtension;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.RedirectUris;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/**
 * OpenID Connect Dynamic Client Registration 1.0 §2 metadata, each validated with a clear
 * {@code invalid_client_metadata}: signing algorithms the server offers, subject type, {@code default_max_age},
 * {@code require_auth_time} and {@code post_logout_redirect_uris} (RP-Initiated Logout §3.1); the client's keys
 * are {@link dev.tollgate.jwt.JwtRegistration}'s. Encrypted responses and
 * {@code sector_identifier_uri} are not supported and refused rather than ignored.
 */
final class OpenIdRegistration implements ClientMetadataExtension {

    private static final Set<String> REFUSED = Set.of("id_token_encrypted_response_alg",
            "id_token_encrypted_response_enc", "userinfo_encrypted_response_alg", "userinfo_encrypted_response_enc",
            "sector_identifier_uri");

    private final List<JWSAlgorithm> algorithms;
    private final Set<String> subjectTypes;

    OpenIdRegistration(List<JWSAlgorithm> algorithms, Set<String> subjectTypes) {
        this.algorithms = List.copyOf(algorithms);
        this.subjectTypes = Set.copyOf(subjectTypes);
    }

    @Override
    public void parse(JsonObject request, ClientMetadata metadata, JsonObjectBuilder accepted) {
        for (String name : REFUSED) {
            if (request.containsKey(name) && request.get(name) != JsonValue.NULL) {
                throw OAuth2Error.invalidClientMetadata("'" + name + "' is not supported.");
            }
        }
        algorithm(request, OpenIdClient.ID_TOKEN_SIGNED_RESPONSE_ALG, accepted);
        algorithm(request, OpenIdClient.USERINFO_SIGNED_RESPONSE_ALG, accepted);
        String subjectType = string(request, OpenIdClient.SUBJECT_TYPE, MAX_LENGTH);
        if (subjectType != null) {
            if (!subjectTypes.contains(subjectType)) {
                throw OAuth2Error.invalidClientMetadata("Unsupported subject_type.");
            }
            if (SubjectTypes.PAIRWISE.equals(subjectType)) {
                try {
                    SubjectTypes.sectorOf(metadata.redirectUris()); // Core §8.1
                } catch (IllegalArgumentException e) {
                    throw OAuth2Error.invalidClientMetadata("A pairwise client needs its redirect_uris on one host "
                            + "(sector_identifier_uri is not supported).");
                }
            }
            accepted.add(OpenIdClient.SUBJECT_TYPE, subjectType);
        }
        JsonValue maxAge = request.get(OpenIdClient.DEFAULT_MAX_AGE);
        if (maxAge != null && maxAge != JsonValue.NULL) {
            if (!(maxAge instanceof JsonNumber number) || !number.isIntegral() || number.bigIntegerValue().signum() < 0
                    || number.bigIntegerValue().bitLength() > 31) {
                throw OAuth2Error.invalidClientMetadata("'default_max_age' must be a number of seconds.");
            }
            accepted.add(OpenIdClient.DEFAULT_MAX_AGE, number.intValue());
        }
        JsonValue requireAuthTime = request.get(OpenIdClient.REQUIRE_AUTH_TIME);
        if (requireAuthTime != null && requireAuthTime != JsonValue.NULL) {
            if (requireAuthTime != JsonValue.TRUE && requireAuthTime != JsonValue.FALSE) {
                throw OAuth2Error.invalidClientMetadata("'require_auth_time' must be a boolean.");
            }
            accepted.add(OpenIdClient.REQUIRE_AUTH_TIME, requireAuthTime);
        }
        List<String> logoutUris = strings(request, OpenIdClient.POST_LOGOUT_REDIRECT_URIS, RedirectUris.MAX_LENGTH);
        if (logoutUris != null) {
            try {
                RedirectUris.checkRegistrable(logoutUris);
            } catch (OAuth2Error e) {
                throw OAuth2Error.invalidClientMetadata("post_logout_redirect_uris: " + e.description());
            }
            accepted.add(OpenIdClient.POST_LOGOUT_REDIRECT_URIS, JSON.createArrayBuilder(logoutUris));
        }
    }

    private void algorithm(JsonObject request, String name, JsonObjectBuilder accepted) {
        String value = string(request, name, MAX_LENGTH);
        if (value == null) {
            return;
        }
        if (algorithms.stream().noneMatch(algorithm -> algorithm.getName().equals(value))) {
            throw OAuth2Error.invalidClientMetadata("'" + name + "' must be one of " + algorithms + "."); // no none
        }
        accepted.add(name, value);
    }
}
