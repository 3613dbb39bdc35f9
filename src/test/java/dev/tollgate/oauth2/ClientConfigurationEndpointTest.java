package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.Secrets;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client configuration endpoint of RFC 7592, served by {@link RegistrationEndpoint}. */
class ClientConfigurationEndpointTest {

    private static final String METADATA = "{\"redirect_uris\":[\"https://app.example/cb\"],\"client_name\":\"App\","
            + "\"client_uri\":\"https://app.example/\",\"contacts\":[\"ops@app.example\"],\"scope\":\"profile\"}";

    private final Fixture f = new Fixture();

    private OAuth2Response call(String method, String uri, String token, String body) {
        Map<String, List<String>> headers = token == null ? Map.of() : Map.of("Authorization", List.of("Bearer " + token));
        return f.server.createEndpointResponse(RegistrationEndpoint.NAME,
                OAuth2Request.of(method, uri, headers, body, body == null ? null : "application/json"));
    }

    private JsonObject register(String metadata) {
        OAuth2Response response = call("POST", Fixture.ISSUER + "/oauth2/register", null, metadata);
        assertEquals(201, response.status(), response.body());
        return json(response);
    }

    private static String uri(JsonObject registration) {
        return registration.getString("registration_client_uri");
    }

    private static String token(JsonObject registration) {
        return registration.getString("registration_access_token");
    }

    private static void assertInvalidToken(OAuth2Response response) {
        assertEquals(401, response.status(), response.body());
        assertEquals("invalid_token", json(response).getString("error"));
        assertTrue(response.header("WWW-Authenticate").startsWith("Bearer realm="), response.header("WWW-Authenticate"));
    }

    @Test
    void registrationCarriesTheConfigurationUriAndAHashedToken() {
        JsonObject registration = register(METADATA);
        String clientId = registration.getString("client_id");
        assertEquals(Fixture.ISSUER + "/oauth2/register/" + clientId, uri(registration));
        String token = token(registration);
        assertTrue(token.length() >= 43, token); // 256 bits, base64url
        RegisteredClient stored = f.clients.findRegistration(clientId).orElseThrow();
        assertEquals(Secrets.sha256(token), stored.registrationAccessTokenHash());
    }

    @Test
    void readsTheRegistrationWithoutTheSecret() {
        JsonObject registration = register(METADATA);
        OAuth2Response response = call("GET", uri(registration), token(registration), null);
        assertEquals(200, response.status(), response.body());
        assertEquals("no-store", response.header("Cache-Control"));
        JsonObject body = json(response);
        assertEquals(registration.getString("client_id"), body.getString("client_id"));
        assertEquals(uri(registration), body.getString("registration_client_uri"));
        assertEquals("App", body.getString("client_name"));
        assertEquals("https://app.example/", body.getString("client_uri"));
        assertEquals("ops@app.example", body.getJsonArray("contacts").getString(0));
        assertEquals("https://app.example/cb", body.getJsonArray("redirect_uris").getString(0));
        assertEquals(registration.getJsonNumber("client_id_issued_at"), body.getJsonNumber("client_id_issued_at"));
        assertFalse(body.containsKey("client_secret"));
        assertFalse(body.containsKey("registration_access_token"));
    }

    @Test
    void aWrongTokenIsRefused() {
        JsonObject registration = register(METADATA);
        assertInvalidToken(call("GET", uri(registration), token(registration) + "x", null));
        assertInvalidToken(call("GET", uri(registration), "nonsense", null));
    }

    @Test
    void anotherClientsTokenIsRefused() {
        JsonObject one = register(METADATA);
        JsonObject other = register(METADATA);
        assertInvalidToken(call("GET", uri(one), token(other), null));
        assertInvalidToken(call("DELETE", uri(one), token(other), null));
        assertTrue(f.clients.find(one.getString("client_id")).isPresent());
    }

    @Test
    void anUnknownClientLooksLikeAWrongToken() {
        JsonObject registration = register(METADATA);
        OAuth2Response unknown = call("GET", Fixture.ISSUER + "/oauth2/register/nobody", token(registration), null);
        OAuth2Response wrong = call("GET", uri(registration), "nonsense", null);
        assertInvalidToken(unknown);
        assertEquals(wrong.body(), unknown.body());
        assertEquals(wrong.header("WWW-Authenticate"), unknown.header("WWW-Authenticate"));
    }

    @Test
    void noTokenIsAChallenge() {
        JsonObject registration = register(METADATA);
        OAuth2Response response = call("GET", uri(registration), null, null);
        assertEquals(401, response.status());
        assertEquals("Bearer realm=\"" + f.settings.realm() + "\"", response.header("WWW-Authenticate"));
        OAuth2Response basic = f.server.createEndpointResponse(RegistrationEndpoint.NAME, OAuth2Request.of("GET",
                uri(registration), Map.of("Authorization", List.of(Fixture.basic("demo-client", "demo-secret"))), null, null));
        assertEquals(401, basic.status());
    }

    @Test
    void aTokenInTheQueryIsRefused() {
        JsonObject registration = register(METADATA);
        OAuth2Response response = call("GET", uri(registration) + "?access_token=" + token(registration), null, null);
        assertEquals(400, response.status(), response.body());
        assertEquals("invalid_request", json(response).getString("error"));
        OAuth2Response both = call("GET", uri(registration) + "?access_token=" + token(registration),
                token(registration), null);
        assertEquals(400, both.status());
    }

    @Test
    void putReplacesTheMetadataAndRotatesTheToken() {
        JsonObject registration = register(METADATA);
        String clientId = registration.getString("client_id");
        String update = "{\"client_id\":\"" + clientId + "\",\"client_secret\":\"" + registration.getString("client_secret")
                + "\",\"redirect_uris\":[\"https://app.example/new\",\"https://app.example/other\"],\"client_name\":\"New\"}";
        OAuth2Response response = call("PUT", uri(registration), token(registration), update);
        assertEquals(200, response.status(), response.body());
        JsonObject body = json(response);
        assertEquals(clientId, body.getString("client_id"));
        assertEquals("New", body.getString("client_name"));
        assertFalse(body.containsKey("client_uri")); // replaced, not merged
        assertFalse(body.containsKey("client_secret"));
        String rotated = body.getString("registration_access_token");
        assertNotEquals(token(registration), rotated);
        OAuth2Client client = f.clients.find(clientId).orElseThrow();
        assertEquals(List.of("https://app.example/new", "https://app.example/other"), client.getRedirectUris());
        assertTrue(client.checkClientSecret(registration.getString("client_secret"))); // the secret stays
        assertInvalidToken(call("GET", uri(registration), token(registration), null));
        OAuth2Response read = call("GET", uri(registration), rotated, null);
        assertEquals(200, read.status());
        assertEquals("https://app.example/new", json(read).getJsonArray("redirect_uris").getString(0));
    }

    @Test
    void putNeedsTheClientsOwnId() {
        JsonObject registration = register(METADATA);
        String other = register(METADATA).getString("client_id");
        for (String body : List.of("{\"redirect_uris\":[\"https://app.example/cb\"]}",
                "{\"client_id\":\"" + other + "\",\"redirect_uris\":[\"https://app.example/cb\"]}",
                "{\"client_id\":42,\"redirect_uris\":[\"https://app.example/cb\"]}")) {
            OAuth2Response response = call("PUT", uri(registration), token(registration), body);
            assertEquals(400, response.status(), body);
            assertEquals("invalid_request", json(response).getString("error"));
        }
        OAuth2Response wrongSecret = call("PUT", uri(registration), token(registration), "{\"client_id\":\""
                + registration.getString("client_id") + "\",\"client_secret\":\"guess\",\"redirect_uris\":[\"https://app.example/cb\"]}");
        assertEquals(400, wrongSecret.status());
        assertEquals(200, call("GET", uri(registration), token(registration), null).status()); // token not rotated
    }

    @Test
    void putValidatesAsRegistrationDoes() {
        JsonObject registration = register(METADATA);
        String id = "\"client_id\":\"" + registration.getString("client_id") + "\",";
        OAuth2Response scope = call("PUT", uri(registration), token(registration),
                "{" + id + "\"redirect_uris\":[\"https://app.example/cb\"],\"scope\":\"root\"}");
        assertEquals(400, scope.status());
        assertEquals("invalid_client_metadata", json(scope).getString("error"));
        OAuth2Response redirect = call("PUT", uri(registration), token(registration),
                "{" + id + "\"redirect_uris\":[\"javascript:alert(1)\"]}");
        assertEquals(400, redirect.status());
        assertEquals("invalid_redirect_uri", json(redirect).getString("error"));
        OAuth2Response method = call("PUT", uri(registration), token(registration),
                "{" + id + "\"redirect_uris\":[\"https://app.example/cb\"],\"token_endpoint_auth_method\":\"none\"}");
        assertEquals(400, method.status());
        assertEquals("invalid_client_metadata", json(method).getString("error"));
        OAuth2Response notJson = call("PUT", uri(registration), token(registration), "[1]");
        assertEquals("invalid_client_metadata", json(notJson).getString("error"));
        assertEquals(List.of("https://app.example/cb"),
                f.clients.find(registration.getString("client_id")).orElseThrow().getRedirectUris());
    }

    @Test
    void deletingAClientRevokesItsTokens() {
        JsonObject registration = register("{\"grant_types\":[\"client_credentials\"],\"scope\":\"profile\"}");
        String clientId = registration.getString("client_id");
        String accessToken = json(f.token(Fixture.params("grant_type", "client_credentials"),
                Fixture.basic(clientId, registration.getString("client_secret")))).getString("access_token");
        assertTrue(introspect(accessToken).getBoolean("active"));

        assertEquals(204, call("DELETE", uri(registration), token(registration), null).status());
        assertFalse(introspect(accessToken).getBoolean("active"), "RFC 7592 §2.3: its tokens go with it");
    }

    private JsonObject introspect(String accessToken) {
        return json(f.server.createEndpointResponse(IntrospectionEndpoint.NAME, Fixture.post("/oauth2/introspect",
                Fixture.params("token", accessToken), Fixture.basic("resource-server", "rs-secret"))));
    }

    @Test
    void deleteRemovesTheClient() {
        JsonObject registration = register(METADATA);
        OAuth2Response response = call("DELETE", uri(registration), token(registration), null);
        assertEquals(204, response.status());
        assertEquals("", response.body());
        assertTrue(f.clients.find(registration.getString("client_id")).isEmpty());
        assertInvalidToken(call("GET", uri(registration), token(registration), null));
        assertInvalidToken(call("DELETE", uri(registration), token(registration), null));
    }

    @Test
    void otherMethodsAreRefused() {
        JsonObject registration = register(METADATA);
        OAuth2Response response = call("POST", uri(registration), token(registration), METADATA);
        assertEquals(405, response.status());
        assertEquals("GET, PUT, DELETE", response.header("Allow"));
    }

    @Test
    void staticallyRegisteredClientsCannotBeManaged() {
        ClientMetadata metadata = ClientMetadata.fromJson(jakarta.json.Json.createObjectBuilder()
                .add("redirect_uris", jakarta.json.Json.createArrayBuilder().add("https://app.example/cb")).build());
        f.clients.add(new RegisteredClient("imported", Secrets.sha256("s"), Instant.EPOCH, metadata));
        for (String client : List.of("imported", "demo-client")) {
            for (String method : List.of("GET", "DELETE")) {
                assertInvalidToken(call(method, Fixture.ISSUER + "/oauth2/register/" + client, "anything", null));
            }
        }
        assertTrue(f.clients.find("imported").isPresent());
        assertTrue(f.clients.find("demo-client").isPresent());
    }

    @Test
    void theRegistrationEndpointItselfStillOnlyRegisters() {
        assertEquals(400, call("GET", Fixture.ISSUER + "/oauth2/register", null, null).status());
        assertEquals(201, call("POST", Fixture.ISSUER + "/oauth2/register/", null, METADATA).status());
    }

    @Test
    void aManagedClientKeepsWorkingAfterAnUpdate() {
        JsonObject registration = register(METADATA);
        String clientId = registration.getString("client_id");
        call("PUT", uri(registration), token(registration), "{\"client_id\":\"" + clientId
                + "\",\"redirect_uris\":[\"https://app.example/new\"],\"scope\":\"profile\"}");
        AuthorizationRequest authz = f.server.validateConsentRequest(Fixture.authorizeRequest(Fixture.params(
                "response_type", "code", "client_id", clientId)));
        assertEquals("https://app.example/new", authz.redirectUri());
    }
}
