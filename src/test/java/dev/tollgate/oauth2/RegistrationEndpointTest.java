package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.Secrets;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationEndpointTest {

    private final Fixture f = new Fixture();

    private OAuth2Response register(Fixture fixture, String body, String authorization) {
        Map<String, List<String>> headers = authorization == null ? Map.of() : Map.of("Authorization", List.of(authorization));
        return fixture.server.createEndpointResponse(RegistrationEndpoint.NAME,
                OAuth2Request.of("POST", Fixture.ISSUER + "/oauth2/register", headers, body, "application/json"));
    }

    private OAuth2Response register(String body) {
        return register(f, body, null);
    }

    private String error(String body) {
        OAuth2Response response = register(body);
        assertEquals(400, response.status(), response.body());
        return json(response).getString("error");
    }

    @Test
    void registersWithDefaults() {
        OAuth2Response response = register("{\"redirect_uris\":[\"https://app.example/cb\"],\"client_name\":\"App\"}");
        assertEquals(201, response.status(), response.body());
        assertEquals("no-store", response.header("Cache-Control"));
        JsonObject body = json(response);
        String clientId = body.getString("client_id");
        String secret = body.getString("client_secret");
        assertEquals(0, body.getInt("client_secret_expires_at"));
        assertEquals(f.clock.instant().getEpochSecond(), body.getJsonNumber("client_id_issued_at").longValue());
        assertEquals("client_secret_basic", body.getString("token_endpoint_auth_method"));
        assertEquals("authorization_code", body.getJsonArray("grant_types").getString(0));
        assertEquals("code", body.getJsonArray("response_types").getString(0));
        assertEquals("App", body.getString("client_name"));
        OAuth2Client saved = f.clients.find(clientId).orElseThrow();
        assertEquals(Secrets.sha256(secret), saved.getClientSecretHash());
        assertTrue(saved.checkClientSecret(secret));
    }

    @Test
    void aRegisteredClientCanUseTheCodeFlow() {
        JsonObject body = json(register("{\"redirect_uris\":[\"https://app.example/cb\"],\"scope\":\"profile\"}"));
        AuthorizationRequest authz = f.server.validateConsentRequest(Fixture.authorizeRequest(Fixture.params(
                "response_type", "code", "client_id", body.getString("client_id"))));
        assertEquals("https://app.example/cb", authz.redirectUri());
    }

    @Test
    void publicClientsGetNoSecret() {
        JsonObject body = json(register("{\"redirect_uris\":[\"com.example.app:/cb\"],\"token_endpoint_auth_method\":\"none\"}"));
        assertFalse(body.containsKey("client_secret"));
        assertFalse(body.containsKey("client_secret_expires_at"));
        assertTrue(f.clients.find(body.getString("client_id")).orElseThrow().isPublic());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example/cb", "http://127.0.0.1:8000/cb", "http://[::1]/cb", "http://localhost:3000/cb",
        "com.example.app:/oauth2redirect"})
    void acceptableRedirectUris(String uri) {
        assertEquals(201, register("{\"redirect_uris\":[\"" + uri + "\"]}").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,x", "vbscript:x", "JavaScript://app.example/%0aalert(1)",
        "https://app.example/cb#frag", "https://user:pw@app.example/cb", "https://user@app.example/cb",
        "http://app.example/cb", "/relative/cb", "myapp:/cb", "https:///nohost", "not a uri",
        "https://app.example:0/cb", "https://app.example:0443/cb", "http://127.0.0.1:70000/cb", "https://app.example:/cb"})
    void refusedRedirectUris(String uri) {
        assertEquals("invalid_redirect_uri", error("{\"redirect_uris\":[\"" + uri + "\"]}"));
    }

    @Test
    void redirectUrisAreRequiredForTheCodeGrant() {
        assertEquals("invalid_redirect_uri", error("{}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"redirect_uris\":\"https://app.example/cb\"}", "{\"redirect_uris\":[1]}",
        "{\"redirect_uris\":[\"https://app.example/cb\"],\"client_name\":42}",
        "{\"redirect_uris\":[\"https://app.example/cb\"],\"grant_types\":\"authorization_code\"}",
        "{\"redirect_uris\":[\"https://app.example/cb\"],\"token_endpoint_auth_method\":\"private_key_jwt\"}",
        "{\"redirect_uris\":[\"https://app.example/cb\"],\"scope\":\"profile nope\"}",
        "{\"redirect_uris\":[\"https://app.example/cb\"],\"logo_uri\":\"javascript:alert(1)\"}",
        "{\"redirect_uris\":[\"https://app.example/cb\"],\"grant_types\":[\"urn:example:magic\"]}",
        "{\"redirect_uris\":[\"https://app.example/cb\"],\"response_types\":[\"code id_token\"]}",
        "[]"})
    void wronglyTypedOrUnsupportedMetadata(String body) {
        assertEquals("invalid_client_metadata", error(body));
    }

    @Test
    void grantAndResponseTypesMustAgree() {
        assertEquals("invalid_client_metadata", error("{\"redirect_uris\":[\"https://app.example/cb\"],"
                + "\"grant_types\":[\"client_credentials\"],\"response_types\":[\"code\"]}"));
        assertEquals("invalid_client_metadata", error("{\"redirect_uris\":[\"https://app.example/cb\"],"
                + "\"grant_types\":[\"authorization_code\"],\"response_types\":[]}"));
    }

    @Test
    void oneListImpliesTheOther() {
        JsonObject body = json(register("{\"grant_types\":[\"client_credentials\"]}"));
        assertEquals(0, body.getJsonArray("response_types").size());
        Fixture lenient = new Fixture(o -> o.registration = RegistrationSettings.OPEN.withPolicy(
                RegistrationPolicy.DEFAULT.withForbiddenGrantTypes(Set.of())));
        JsonObject implicit = json(register(lenient, "{\"redirect_uris\":[\"https://app.example/cb\"],"
                + "\"response_types\":[\"token\"]}", null));
        assertEquals("implicit", implicit.getJsonArray("grant_types").getString(0));
    }

    // RFC 9700 §2.4, §2.1.2: open registration cannot give itself the password or the implicit grant
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"grant_types\":[\"password\"],\"token_endpoint_auth_method\":\"none\"}",
        "{\"grant_types\":[\"password\",\"refresh_token\"]}",
        "{\"redirect_uris\":[\"https://app.example/cb\"],\"response_types\":[\"token\"]}"})
    void theDefaultPolicyRefusesPasswordAndImplicit(String body) {
        assertEquals("invalid_client_metadata", error(body));
    }

    @Test
    void aWidenedPolicyStillRefusesAPublicClientThePasswordGrant() {
        Fixture lenient = new Fixture(o -> o.registration = RegistrationSettings.OPEN.withPolicy(
                RegistrationPolicy.DEFAULT.withForbiddenGrantTypes(Set.of())));
        assertEquals(201, register(lenient, "{\"grant_types\":[\"password\"]}", null).status());
        OAuth2Response publicClient = register(lenient,
                "{\"grant_types\":[\"password\"],\"token_endpoint_auth_method\":\"none\"}", null);
        assertEquals("invalid_client_metadata", json(publicClient).getString("error"));
    }

    @Test
    void aNarrowedPolicyRefusesClientCredentialsAndLimitsScopes() {
        Fixture narrow = new Fixture(o -> o.registration = RegistrationSettings.OPEN.withPolicy(RegistrationPolicy.DEFAULT
                .withForbiddenGrantTypes(Set.of("password", "implicit", "client_credentials"))
                .withAllowedScopes(Set.of("profile"))));
        assertEquals("invalid_client_metadata", json(register(narrow, "{\"grant_types\":[\"client_credentials\"]}",
                null)).getString("error"));
        JsonObject defaulted = json(register(narrow, "{\"redirect_uris\":[\"https://app.example/cb\"]}", null));
        assertEquals("profile", defaulted.getString("scope"));
        assertEquals("invalid_client_metadata", json(register(narrow,
                "{\"redirect_uris\":[\"https://app.example/cb\"],\"scope\":\"profile email\"}", null)).getString("error"));
    }

    @Test
    void everyValueFitsWhereItIsStored() {
        String name = "n".repeat(ClientMetadata.MAX_CLIENT_NAME);
        assertEquals(201, register("{\"redirect_uris\":[\"https://app.example/cb\"],\"client_name\":\"" + name + "\"}")
                .status());
        assertEquals("invalid_client_metadata", error("{\"redirect_uris\":[\"https://app.example/cb\"],"
                + "\"client_name\":\"" + name + "n\"}"));
        String longUri = "https://app.example/" + "p".repeat(RedirectUris.MAX_LENGTH);
        assertEquals("invalid_redirect_uri", error("{\"redirect_uris\":[\"" + longUri + "\"]}"));
        String uris = String.join(",", java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> "\"https://app.example/" + i + "p".repeat(1900) + "\"").toList());
        assertEquals("invalid_redirect_uri", error("{\"redirect_uris\":[" + uris + "]}"));
        String many = String.join(",", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "\"a" + i + "@x.example\"")
                .toList());
        assertEquals("invalid_client_metadata", error("{\"redirect_uris\":[\"https://app.example/cb\"],"
                + "\"contacts\":[" + many + "]}"));
    }

    @Test
    void hostileJsonIsInvalidRequest() {
        String hugeNumber = "{\"client_name\":" + "9".repeat(1200) + "}";
        assertEquals("invalid_request", json(register(hugeNumber)).getString("error"));
        String deep = "[".repeat(30_000) + "]".repeat(30_000);
        assertEquals("invalid_request", json(register(deep)).getString("error"));
        assertEquals(400, register("{\"a\":1e999999999,\"client_name\":1e999999999}").status());
    }

    @Test
    void malformedJsonIsInvalidRequest() {
        assertEquals("invalid_request", error("{not json"));
    }

    @Test
    void initialAccessTokenIsRequiredWhenSet() {
        Fixture guarded = new Fixture(o -> o.registration = new RegistrationSettings("let-me-in"));
        String body = "{\"redirect_uris\":[\"https://app.example/cb\"]}";
        for (String authorization : new String[] {null, "Bearer wrong", "Basic bGV0LW1lLWlu"}) {
            OAuth2Response response = register(guarded, body, authorization);
            assertEquals(401, response.status());
            assertEquals("invalid_token", json(response).getString("error"));
            assertEquals("Bearer realm=\"tollgate\", error=\"invalid_token\", "
                    + "error_description=\"A valid initial access token is required.\"", response.header("WWW-Authenticate"));
        }
        assertEquals(201, register(guarded, body, "Bearer let-me-in").status());
    }
}
