package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MetadataEndpointTest {

    private static JsonArray array(String... values) {
        var builder = Json.createArrayBuilder();
        Arrays.stream(values).forEach(builder::add);
        return builder.build();
    }

    @Test
    void describesEverythingRegistered() {
        Fixture f = new Fixture();
        JsonObject m = json(f.server.createEndpointResponse(MetadataEndpoint.NAME, Fixture.get("/.well-known/oauth-authorization-server")));
        assertEquals("https://as.example", m.getString("issuer"));
        assertEquals("https://as.example/oauth2/authorize", m.getString("authorization_endpoint"));
        assertEquals("https://as.example/oauth2/token", m.getString("token_endpoint"));
        assertEquals("https://as.example/oauth2/revoke", m.getString("revocation_endpoint"));
        assertEquals("https://as.example/oauth2/introspect", m.getString("introspection_endpoint"));
        assertEquals("https://as.example/oauth2/register", m.getString("registration_endpoint"));
        assertEquals(array("admin", "email", "profile"), m.getJsonArray("scopes_supported"));
        assertEquals(array("code", "token"), m.getJsonArray("response_types_supported"));
        assertEquals(array("authorization_code", "client_credentials", "implicit", "password", "refresh_token"),
                m.getJsonArray("grant_types_supported"));
        assertEquals(array("client_secret_basic", "client_secret_post", "none"),
                m.getJsonArray("token_endpoint_auth_methods_supported"));
        assertEquals(array("client_secret_basic", "client_secret_post", "none"),
                m.getJsonArray("revocation_endpoint_auth_methods_supported"));
        assertEquals(array("client_secret_basic", "client_secret_post"),
                m.getJsonArray("introspection_endpoint_auth_methods_supported"));
        assertEquals(array("S256"), m.getJsonArray("code_challenge_methods_supported"));
        assertTrue(m.getBoolean("authorization_response_iss_parameter_supported"));
    }

    @Test
    void secureDefaultsAdvertiseNoImplicitOrPassword() {
        Fixture f = new Fixture(o -> {
            o.grants = GrantSettings.DEFAULT;
            o.pkce = new PkceSettings(false, true);
        });
        JsonObject m = MetadataEndpoint.metadata(f.server.settings(), f.server.capabilities());
        assertEquals(array("code"), m.getJsonArray("response_types_supported"));
        assertEquals(array("authorization_code", "client_credentials", "refresh_token"), m.getJsonArray("grant_types_supported"));
        assertEquals(array("S256", "plain"), m.getJsonArray("code_challenge_methods_supported"));
    }

    @Test
    void onlyRegisteredEndpointsAreNamed() {
        Fixture f = new Fixture();
        OAuth2Server bare = OAuth2Server.builder(f.settings, TokenSettings.DEFAULT, f.clients, f.tokens,
                Clock.systemUTC()).grant(new ClientCredentialsGrant()).build();
        JsonObject m = MetadataEndpoint.metadata(bare.settings(), bare.capabilities());
        assertFalse(m.containsKey("authorization_endpoint"));
        assertFalse(m.containsKey("revocation_endpoint"));
        assertFalse(m.containsKey("code_challenge_methods_supported"));
        assertEquals(array("client_secret_basic", "client_secret_post"), m.getJsonArray("token_endpoint_auth_methods_supported"));
    }

    @Test
    void listsOnlyTheEndpointsServedAtTheirPaths() {
        Fixture f = new Fixture();
        OAuth2Settings served = f.settings.servingOnly(java.util.Map.of(OAuth2Settings.TOKEN, "/app/oauth2/token",
                RevocationEndpoint.NAME, "/app/oauth2/revoke", MetadataEndpoint.NAME, "/app/.well-known/m"));
        JsonObject m = MetadataEndpoint.metadata(served, f.server.capabilities());
        assertEquals("https://as.example/app/oauth2/token", m.getString("token_endpoint"));
        assertEquals("https://as.example/app/oauth2/revoke", m.getString("revocation_endpoint"));
        // registered with the server, but mapped nowhere: never announced
        for (String absent : new String[] {"authorization_endpoint", "introspection_endpoint",
                "registration_endpoint", "introspection_endpoint_auth_methods_supported"}) {
            assertTrue(!m.containsKey(absent), absent + " in " + m);
        }
    }

    @Test
    void servesEveryEndpointUnlessListedOnly() {
        OAuth2Settings settings = OAuth2Settings.builder("https://as.example").build();
        assertTrue(settings.serves("anything"));
        OAuth2Settings listed = settings.servingOnly(java.util.Map.of(OAuth2Settings.TOKEN, "/t"));
        assertTrue(listed.serves(OAuth2Settings.TOKEN));
        assertTrue(!listed.serves(RevocationEndpoint.NAME));
        assertEquals("https://as.example/t", listed.endpointUrl(OAuth2Settings.TOKEN));
    }
}
