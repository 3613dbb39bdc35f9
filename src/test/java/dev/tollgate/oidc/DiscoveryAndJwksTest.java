package dev.tollgate.oidc;

import static dev.tollgate.oidc.OpenIdFixture.ISSUER;
import static dev.tollgate.oidc.OpenIdFixture.REDIRECT_URI;
import static dev.tollgate.oidc.OpenIdFixture.RP;
import static dev.tollgate.oidc.OpenIdFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.tollgate.oauth2.MetadataEndpoint;
import dev.tollgate.oauth2.OAuth2Response;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The JWK Set (RFC 7517 §5) and the discovery document (Discovery 1.0 §3, §4). */
class DiscoveryAndJwksTest {

    private final OpenIdFixture f = new OpenIdFixture();

    private static Set<String> strings(JsonObject json, String name) {
        JsonArray array = json.getJsonArray(name);
        assertNotNull(array, name);
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toSet());
    }

    private JsonObject discovery() {
        OAuth2Response response = f.endpoint(OpenIdConfigurationEndpoint.NAME);
        assertEquals(200, response.status());
        return json(response);
    }

    // ---------------------------------------------------------------- JWK Set

    @Test
    void theJwkSetIsCacheableForItsMaxAge() {
        OAuth2Response response = f.endpoint(JwksEndpoint.NAME);
        assertEquals(200, response.status());
        assertEquals("application/json", response.header("Content-Type"));
        assertEquals("public, max-age=1800", response.header("Cache-Control"), "half the hour of activation delay");
        assertEquals(KeySettings.DEFAULT.jwkSetMaxAge().toSeconds(), 1800);
    }

    @Test
    void theJwkSetHoldsThePublicKeysOnly() throws Exception {
        String idToken = f.codeFlow(RP, REDIRECT_URI, "openid", f.alice).getString("id_token");
        f.keys.signingKey(JWSAlgorithm.ES256);
        f.keys.signingKey(JWSAlgorithm.PS256);
        String body = f.endpoint(JwksEndpoint.NAME).body();
        JWKSet set = JWKSet.parse(body);
        assertEquals(3, set.getKeys().size());
        for (JWK key : set.getKeys()) {
            assertFalse(key.isPrivate(), key.getKeyID());
            assertNotNull(key.getKeyID());
            assertNotNull(key.getAlgorithm());
            assertEquals(KeyUse.SIGNATURE, key.getKeyUse());
        }
        for (String member : List.of("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"")) {
            assertFalse(body.contains(member), member);
        }
        assertNotNull(set.getKeyByKeyId(OpenIdFixture.parse(idToken).getHeader().getKeyID()));
    }

    @Test
    void theJwkSetAcceptsGetOnly() {
        OAuth2Response response = f.server.createEndpointResponse(JwksEndpoint.NAME,
                OpenIdFixture.postForm("/oauth2/jwks", Map.of(), null));
        assertEquals(400, response.status());
    }

    // ---------------------------------------------------------------- discovery

    @Test
    void theDiscoveryDocumentIsTheAuthorizationServerMetadata() {
        assertEquals(json(f.endpoint(MetadataEndpoint.NAME)), discovery());
        assertEquals("public, max-age=300", f.endpoint(OpenIdConfigurationEndpoint.NAME).header("Cache-Control"));
    }

    @Test
    void theDiscoveryDocumentNamesTheEndpoints() {
        JsonObject metadata = discovery();
        assertEquals(ISSUER, metadata.getString("issuer")); // Discovery §4.3
        assertEquals(ISSUER + "/oauth2/authorize", metadata.getString("authorization_endpoint"));
        assertEquals(ISSUER + "/oauth2/token", metadata.getString("token_endpoint"));
        assertEquals(ISSUER + "/oauth2/jwks", metadata.getString("jwks_uri"));
        assertEquals(ISSUER + "/oauth2/userinfo", metadata.getString("userinfo_endpoint"));
        assertEquals(ISSUER + "/oauth2/logout", metadata.getString("end_session_endpoint"));
        assertEquals(ISSUER + "/oauth2/register", metadata.getString("registration_endpoint"));
    }

    @Test
    void theDiscoveryDocumentSaysWhatIsSupported() {
        JsonObject metadata = discovery();
        assertEquals(Set.of("pairwise", "public"), strings(metadata, "subject_types_supported"));
        Set<String> algorithms = strings(metadata, "id_token_signing_alg_values_supported");
        assertEquals(Set.of("RS256", "ES256", "PS256"), algorithms);
        assertTrue(algorithms.contains("RS256"), "Discovery §3: RS256 MUST be included");
        assertTrue(strings(metadata, "response_types_supported").containsAll(Set.of("code", "id_token",
                "id_token token", "code id_token", "code token", "code id_token token")));
        assertTrue(strings(metadata, "response_modes_supported").containsAll(Set.of("query", "fragment",
                "form_post")));
        assertTrue(strings(metadata, "scopes_supported").contains("openid"));
        assertTrue(strings(metadata, "claims_supported").containsAll(Set.of("sub", "iss", "auth_time", "name",
                "given_name", "family_name", "email", "email_verified")));
        assertTrue(strings(metadata, "grant_types_supported").containsAll(Set.of("authorization_code",
                "refresh_token", "implicit")));
        assertTrue(metadata.getBoolean("claims_parameter_supported"));
        assertFalse(metadata.getBoolean("request_parameter_supported"));
        assertFalse(metadata.getBoolean("request_uri_parameter_supported"));
        assertEquals(Set.of("none", "login", "consent", "select_account"), strings(metadata, "prompt_values_supported"));
    }

    @Test
    void aNimbusRelyingPartyReadsTheDiscoveryDocument() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(f.endpoint(OpenIdConfigurationEndpoint.NAME)
                .body());
        assertEquals(ISSUER, metadata.getIssuer().getValue());
        assertEquals(ISSUER + "/oauth2/jwks", metadata.getJWKSetURI().toString());
        assertTrue(metadata.getIDTokenJWSAlgs().contains(JWSAlgorithm.RS256));
        assertEquals(2, metadata.getSubjectTypes().size());
    }

    @Test
    void withoutAPairwiseSaltOnlyPublicSubjectsAreOffered() {
        OpenIdFixture publicOnly = new OpenIdFixture(OpenIdSettings.DEFAULT, true);
        JsonObject metadata = json(publicOnly.endpoint(OpenIdConfigurationEndpoint.NAME));
        assertEquals(Set.of("public"), strings(metadata, "subject_types_supported"));
    }

    @Test
    void withoutTheImplicitGrantTheFrontChannelTokenTypesAreNotOffered() {
        OpenIdFixture strict = new OpenIdFixture(OpenIdSettings.DEFAULT, false);
        Set<String> types = strings(json(strict.endpoint(OpenIdConfigurationEndpoint.NAME)),
                "response_types_supported");
        assertEquals(Set.of("code", "id_token", "code id_token"), types);
    }

    @Test
    void theSigningAlgorithmsAreThoseOfTheKeys() {
        OpenIdFixture custom = new OpenIdFixture(OpenIdSettings.DEFAULT, true, KeySettings.DEFAULT
                .withAlgorithms(List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256)));
        JsonObject metadata = json(custom.endpoint(OpenIdConfigurationEndpoint.NAME));
        assertEquals(Set.of("RS256", "ES256"), strings(metadata, "id_token_signing_alg_values_supported"));
        assertEquals(Set.of("RS256", "ES256"), strings(metadata, "userinfo_signing_alg_values_supported"));
        assertFalse(strings(metadata, "id_token_signing_alg_values_supported").contains("none"));
    }
}
