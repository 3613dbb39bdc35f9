package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.ALICE;
import static dev.tollgate.oauth2.Fixture.basic;
import static dev.tollgate.oauth2.Fixture.json;
import static dev.tollgate.oauth2.Fixture.params;
import static dev.tollgate.oauth2.Fixture.redirectParams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.Secrets;
import dev.tollgate.par.InMemoryPushedRequestStore;
import dev.tollgate.par.PushedAuthorizationEndpoint;
import dev.tollgate.par.PushedAuthorizationRequests;
import dev.tollgate.par.PushedRequestSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Pushed authorization requests (RFC 9126) through the core's seams: the endpoint, the resolver, the decision. */
class PushedAuthorizationTest {

    private final InMemoryPushedRequestStore store = new InMemoryPushedRequestStore(java.time.Clock.systemUTC());
    private final Fixture f = fixture(PushedRequestSettings.DEFAULT);

    private Fixture fixture(PushedRequestSettings settings) {
        return new Fixture(o -> o.builder = b -> {
            PushedAuthorizationRequests.install(b, new InMemoryPushedRequestStore(b.clock()), settings);
            return b;
        });
    }

    private static Map<String, String> authorization(String state) {
        return params("response_type", "code", "client_id", "demo-client", "redirect_uri", Fixture.REDIRECT_URI,
                "scope", "profile", "state", state, "code_challenge", Fixture.CHALLENGE,
                "code_challenge_method", "S256");
    }

    private OAuth2Response push(Fixture on, Map<String, String> form, String authorization) {
        return on.server.createEndpointResponse(PushedAuthorizationEndpoint.NAME,
                Fixture.post("/oauth2/par", form, authorization));
    }

    private String requestUri(Fixture on, Map<String, String> form) {
        OAuth2Response response = push(on, form, basic("demo-client", "demo-secret"));
        assertEquals(201, response.status(), response.body());
        return json(response).getString("request_uri");
    }

    private static OAuth2Request byReference(String clientId, String requestUri, String... more) {
        Map<String, String> query = params("client_id", clientId, "request_uri", requestUri);
        query.putAll(params(more));
        return Fixture.authorizeRequest(query);
    }

    private static void assertInvalidRequestUri(Runnable call) {
        OAuth2Error error = assertThrows(OAuth2Error.class, call::run);
        assertEquals(PushedAuthorizationRequests.INVALID_REQUEST_URI, error.error(), error.description());
        assertFalse(error.isRedirect(), "never redirected");
    }

    // ---------------------------------------------------------------- the endpoint

    @Test
    void aPushIsAnsweredWithAnUrnThatExpires() {
        OAuth2Response response = push(f, authorization("xyz"), basic("demo-client", "demo-secret"));
        assertEquals(201, response.status(), response.body());
        assertEquals("no-store", response.header("Cache-Control"));
        JsonObject body = json(response);
        assertTrue(body.getString("request_uri").startsWith("urn:ietf:params:oauth:request_uri:"));
        assertTrue(body.getString("request_uri").length() >= 34 + 43, "256 random bits");
        assertEquals(120, body.getInt("expires_in"));
    }

    @Test
    void theClientAuthenticatesAsAtTheTokenEndpoint() {
        OAuth2Response response = push(f, authorization("xyz"), basic("demo-client", "wrong"));
        assertEquals(401, response.status());
        assertEquals("invalid_client", json(response).getString("error"));
    }

    @Test
    void errorsAreJsonNeverRedirects() {
        Map<String, String> badType = authorization("xyz");
        badType.put("response_type", "unknown");
        OAuth2Response response = push(f, badType, basic("demo-client", "demo-secret"));
        assertEquals(400, response.status());
        assertNull(response.header("Location"), "§2.3: no redirect");
        assertEquals("unsupported_response_type", json(response).getString("error"));

        Map<String, String> badRedirect = authorization("xyz");
        badRedirect.put("redirect_uri", "https://attacker.example/");
        assertEquals("invalid_request", json(push(f, badRedirect, basic("demo-client", "demo-secret")))
                .getString("error"));
    }

    @Test
    void aPushCannotReferToAnotherPush() {
        Map<String, String> form = authorization("xyz");
        form.put("request_uri", "urn:ietf:params:oauth:request_uri:x");
        OAuth2Response response = push(f, form, basic("demo-client", "demo-secret"));
        assertEquals(400, response.status());
        assertEquals("invalid_request", json(response).getString("error")); // §2.1
    }

    @Test
    void aPushCannotSpeakForAnotherClient() {
        Map<String, String> form = authorization("xyz");
        form.put("client_id", "demo-public");
        OAuth2Response response = push(f, form, basic("demo-client", "demo-secret"));
        assertEquals(401, response.status());
        assertEquals("invalid_client", json(response).getString("error"));
    }

    @Test
    void onlyPostIsAccepted() {
        OAuth2Response response = f.server.createEndpointResponse(PushedAuthorizationEndpoint.NAME,
                Fixture.get("/oauth2/par?client_id=demo-client"));
        assertEquals("invalid_request", json(response).getString("error"));
    }

    @Test
    void theCredentialsAreNotKeptWithTheRequest() {
        Fixture withStore = new Fixture(o -> o.builder = b -> {
            PushedAuthorizationRequests.install(b, store, PushedRequestSettings.DEFAULT);
            return b;
        });
        Map<String, String> form = authorization("xyz");
        form.put("client_id", "demo-post-client");
        form.put("client_secret", "demo-post-secret");
        OAuth2Response response = push(withStore, form, null);
        assertEquals(201, response.status(), response.body());
        var kept = store.find(Secrets.sha256(json(response).getString("request_uri"))).orElseThrow();
        assertEquals("demo-post-client", kept.clientId());
        assertFalse(kept.parameters().containsKey("client_secret"));
        assertEquals("xyz", kept.parameters().get("state"));
    }

    // ---------------------------------------------------------------- the authorization endpoint

    @Test
    void theRequestUriStandsForThePushedParametersOnly() {
        String requestUri = requestUri(f, authorization("pushed"));
        AuthorizationRequest request = f.server.validateConsentRequest(byReference("demo-client", requestUri,
                "state", "from-query", "scope", "email"));
        assertEquals("pushed", request.state());
        assertEquals(java.util.Set.of("profile"), request.scope());

        Map<String, String> answer = redirectParams(f.server.createAuthorizationResponse(byReference("demo-client",
                requestUri), ALICE), false);
        assertEquals("pushed", answer.get("state"));
        JsonObject token = json(f.token(params("grant_type", "authorization_code", "code", answer.get("code"),
                "redirect_uri", Fixture.REDIRECT_URI, "code_verifier", Fixture.VERIFIER)));
        assertEquals("profile", token.getString("scope"));
    }

    @Test
    void theConsentPageMayReadItAgainButOneDecisionUsesItUp() {
        String requestUri = requestUri(f, authorization("xyz"));
        f.server.validateConsentRequest(byReference("demo-client", requestUri));
        f.server.validateConsentRequest(byReference("demo-client", requestUri));
        assertTrue(redirectParams(f.server.createAuthorizationResponse(byReference("demo-client", requestUri), ALICE),
                false).containsKey("code"));
        assertInvalidRequestUri(() -> f.server.createAuthorizationResponse(byReference("demo-client", requestUri),
                ALICE));
    }

    @Test
    void aDenialUsesItUpToo() {
        String requestUri = requestUri(f, authorization("xyz"));
        assertEquals("access_denied", redirectParams(f.server.createAuthorizationResponse(byReference("demo-client",
                requestUri), null), false).get("error"));
        assertInvalidRequestUri(() -> f.server.validateConsentRequest(byReference("demo-client", requestUri)));
    }

    @Test
    void decisionsPostedAtOnceGiveOneCode() throws Exception {
        String requestUri = requestUri(f, authorization("xyz"));
        AuthorizationRequest request = f.server.validateConsentRequest(byReference("demo-client", requestUri));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Map<String, String>>> decisions = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                decisions.add(() -> redirectParams(f.server.createAuthorizationResponse(request, ALICE), false));
            }
            long codes = 0;
            for (Future<Map<String, String>> answer : pool.invokeAll(decisions)) {
                Map<String, String> parameters = answer.get();
                if (parameters.containsKey("code")) {
                    codes++;
                } else {
                    assertEquals(PushedAuthorizationRequests.INVALID_REQUEST_URI, parameters.get("error"));
                }
            }
            assertEquals(1, codes);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherClientsRequestUriIsRefused() {
        String requestUri = requestUri(f, authorization("xyz"));
        assertInvalidRequestUri(() -> f.server.validateConsentRequest(byReference("demo-post-client", requestUri)));
    }

    @Test
    void anExpiredRequestUriIsRefused() {
        String requestUri = requestUri(f, authorization("xyz"));
        f.clock.advance(Duration.ofSeconds(119));
        f.server.validateConsentRequest(byReference("demo-client", requestUri));
        f.clock.advance(Duration.ofSeconds(1));
        assertInvalidRequestUri(() -> f.server.validateConsentRequest(byReference("demo-client", requestUri)));
    }

    @Test
    void anUnknownRequestUriIsRefused() {
        assertInvalidRequestUri(() -> f.server.validateConsentRequest(byReference("demo-client",
                "urn:ietf:params:oauth:request_uri:made-up")));
    }

    @Test
    void whenRequiredAPlainRequestIsInvalidRequestAndNotRedirected() {
        Fixture required = fixture(PushedRequestSettings.DEFAULT.withRequiredForAllClients(true));
        OAuth2Error error = assertThrows(OAuth2Error.class, () -> required.server.validateConsentRequest(
                Fixture.authorizeRequest(authorization("xyz"))));
        assertEquals("invalid_request", error.error());
        assertFalse(error.isRedirect());
        String requestUri = requestUri(required, authorization("xyz"));
        assertEquals("xyz", required.server.validateConsentRequest(byReference("demo-client", requestUri)).state());
    }

    @Test
    void aClientCanBeHeldToItByItsMetadata() {
        f.clients.add(TestClient.confidential("par-client", "par-secret", "client_secret_basic").withMetadata(
                Json.createObjectBuilder().add(PushedAuthorizationRequests.REQUIRED, true).build()));
        Map<String, String> query = authorization("xyz");
        query.put("client_id", "par-client");
        OAuth2Error error = assertThrows(OAuth2Error.class, () -> f.server.validateConsentRequest(
                Fixture.authorizeRequest(query)));
        assertEquals("invalid_request", error.error());
        assertEquals("xyz", f.server.validateConsentRequest(Fixture.authorizeRequest(authorization("xyz"))).state(),
                "other clients are not");
    }

    // ---------------------------------------------------------------- metadata and registration

    @Test
    void theMetadataNameTheEndpoint() {
        JsonObject metadata = MetadataEndpoint.metadata(f.settings, f.server.capabilities());
        assertEquals(Fixture.ISSUER + "/oauth2/par", metadata.getString("pushed_authorization_request_endpoint"));
        assertFalse(metadata.getBoolean("require_pushed_authorization_requests"));
        assertFalse(metadata.getBoolean("request_uri_parameter_supported"), "no request_uri is ever fetched");
    }

    @Test
    void registrationKeepsTheRequirement() {
        JsonObject client = json(f.server.createEndpointResponse(RegistrationEndpoint.NAME, OAuth2Request.of("POST",
                Fixture.ISSUER + "/oauth2/register", Map.of(), "{\"redirect_uris\":[\"https://app.example/cb\"],"
                        + "\"require_pushed_authorization_requests\":true}", "application/json")));
        assertTrue(client.getBoolean(PushedAuthorizationRequests.REQUIRED));
        JsonObject refused = json(f.server.createEndpointResponse(RegistrationEndpoint.NAME, OAuth2Request.of("POST",
                Fixture.ISSUER + "/oauth2/register", Map.of(), "{\"redirect_uris\":[\"https://app.example/cb\"],"
                        + "\"require_pushed_authorization_requests\":\"yes\"}", "application/json")));
        assertEquals("invalid_client_metadata", refused.getString("error"));
    }
}
