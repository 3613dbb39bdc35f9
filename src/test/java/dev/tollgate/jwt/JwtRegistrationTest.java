package dev.tollgate.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jose.jwk.JWKSet;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.RegistrationEndpoint;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Registering clients of the JWT family (RFC 7591 §2, RFC 7523 §2.2). */
class JwtRegistrationTest {

    private final JwtFixture f = new JwtFixture();

    private OAuth2Response register(String json) {
        return f.server.createEndpointResponse(RegistrationEndpoint.NAME, OAuth2Request.of("POST",
                JwtFixture.ISSUER + "/oauth2/register", Map.of(), json, "application/json"));
    }

    private String publicJwks() {
        return new JWKSet(JwtFixture.rsa("registered").toPublicJWK()).toString(true);
    }

    @Test
    void aPrivateKeyJwtClientIsGivenNoSecretAndKeepsItsKeys() {
        OAuth2Response response = register("{\"token_endpoint_auth_method\":\"private_key_jwt\","
                + "\"grant_types\":[\"client_credentials\"],\"jwks\":" + publicJwks()
                + ",\"token_endpoint_auth_signing_alg\":\"PS256\"}");
        assertEquals(201, response.status(), response.body());
        JsonObject client = JwtFixture.json(response.body());
        assertFalse(client.containsKey("client_secret"), "it proves itself with its key");
        assertEquals("PS256", client.getString("token_endpoint_auth_signing_alg"));
        assertEquals("registered", client.getJsonObject("jwks").getJsonArray("keys").getJsonObject(0).getString("kid"));
    }

    @Test
    void aClientSecretJwtClientKeepsItsSecretItself() {
        OAuth2Response response = register("{\"token_endpoint_auth_method\":\"client_secret_jwt\","
                + "\"grant_types\":[\"client_credentials\"]}");
        assertEquals(201, response.status(), response.body());
        JsonObject client = JwtFixture.json(response.body());
        String secret = client.getString("client_secret");
        assertEquals(secret, f.clients.find(client.getString("client_id")).orElseThrow().getClientSecret(),
                "an HMAC key: the store is handed the secret, to keep sealed");
    }

    @Test
    void aClientSecretBasicClientKeepsOnlyTheHash() {
        OAuth2Response response = register("{\"grant_types\":[\"client_credentials\"]}");
        JsonObject client = JwtFixture.json(response.body());
        assertNotNull(client.getString("client_secret"));
        assertNull(f.clients.find(client.getString("client_id")).orElseThrow().getClientSecret());
    }

    // RFC 7523 §2.1: with this grant a client speaks for users; nobody vouches for one that registered itself
    @Test
    void theJwtBearerGrantCannotBeRegisteredByTheClientItself() {
        OAuth2Response response = register("{\"token_endpoint_auth_method\":\"private_key_jwt\",\"grant_types\":[\""
                + JwtBearerGrant.GRANT_TYPE + "\"],\"jwks\":" + publicJwks() + "}");
        assertEquals(400, response.status(), response.body());
        assertEquals("invalid_client_metadata", JwtFixture.json(response.body()).getString("error"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"token_endpoint_auth_method\":\"private_key_jwt\",\"grant_types\":[\"client_credentials\"]}",
        "{\"grant_types\":[\"client_credentials\"],\"jwks\":{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}}",
        "{\"grant_types\":[\"client_credentials\"],\"jwks\":{\"keys\":[]}}",
        "{\"grant_types\":[\"client_credentials\"],\"jwks\":\"not a set\"}",
        "{\"grant_types\":[\"client_credentials\"],\"jwks_uri\":\"http://keys.example/jwks\"}",
        "{\"grant_types\":[\"client_credentials\"],\"jwks_uri\":\"https://keys.example/jwks\",\"jwks\":{\"keys\":[]}}",
        "{\"token_endpoint_auth_method\":\"private_key_jwt\",\"grant_types\":[\"client_credentials\"],"
            + "\"jwks_uri\":\"https://keys.example/jwks\",\"token_endpoint_auth_signing_alg\":\"HS256\"}",
        "{\"token_endpoint_auth_method\":\"client_secret_jwt\",\"grant_types\":[\"client_credentials\"],"
            + "\"token_endpoint_auth_signing_alg\":\"RS256\"}",
        "{\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_signing_alg\":\"RS256\"}"})
    void keysAndAlgorithmsThatCannotBeHonouredAreInvalidClientMetadata(String json) {
        OAuth2Response response = register(json);
        assertEquals(400, response.status(), json + " " + response.body());
        assertEquals("invalid_client_metadata", JwtFixture.json(response.body()).getString("error"), json);
    }
}
