package dev.tollgate.jwt;

import static dev.tollgate.oauth2.MetadataJson.MAX_LENGTH;
import static dev.tollgate.oauth2.MetadataJson.string;

import com.nimbusds.jose.JWSAlgorithm;
import dev.tollgate.oauth2.ClientMetadata;
import dev.tollgate.oauth2.ClientMetadataExtension;
import dev.tollgate.oauth2.OAuth2Error;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * The registration fields of request objects ({@link RequestObjects#registration()}):
 * {@value RequestObjects#SIGNING_ALG} (OpenID Connect Registration §2), one of the accepted algorithms or
 * {@code none}, an HMAC only for a {@code client_secret_jwt} client, the only kind whose secret the server holds; and
 * {@value RequestObjects#REQUIRE_SIGNED} (RFC 9101 §10.5), a boolean.
 */
final class RequestObjectRegistration implements ClientMetadataExtension {

    private final List<String> algorithms;
    private final List<JWSAlgorithm> macAlgorithms;

    RequestObjectRegistration(List<String> algorithms, List<JWSAlgorithm> macAlgorithms) {
        this.algorithms = List.copyOf(algorithms);
        this.macAlgorithms = List.copyOf(macAlgorithms);
    }

    @Override
    public void parse(JsonObject request, ClientMetadata metadata, JsonObjectBuilder accepted) {
        String algorithm = string(request, RequestObjects.SIGNING_ALG, MAX_LENGTH);
        if (algorithm != null) {
            if (!"none".equals(algorithm) && !algorithms.contains(algorithm)) {
                throw OAuth2Error.invalidClientMetadata("'" + RequestObjects.SIGNING_ALG + "' must be one of "
                        + algorithms + " or none.");
            }
            boolean mac = macAlgorithms.stream().anyMatch(hmac -> hmac.getName().equals(algorithm));
            if (mac && !ClientSecretJwt.NAME.equals(metadata.tokenEndpointAuthMethod())) {
                throw OAuth2Error.invalidClientMetadata("An HMAC '" + RequestObjects.SIGNING_ALG
                        + "' needs client_secret_jwt.");
            }
            accepted.add(RequestObjects.SIGNING_ALG, algorithm);
        }
        JsonValue required = request.get(RequestObjects.REQUIRE_SIGNED);
        if (required != null && required != JsonValue.NULL) {
            if (required != JsonValue.TRUE && required != JsonValue.FALSE) {
                throw OAuth2Error.invalidClientMetadata("'" + RequestObjects.REQUIRE_SIGNED + "' must be a boolean.");
            }
            accepted.add(RequestObjects.REQUIRE_SIGNED, required);
        }
    }
}
