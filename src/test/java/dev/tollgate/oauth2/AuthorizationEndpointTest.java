package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.ALICE;
import static dev.tollgate.oauth2.Fixture.REDIRECT_URI;
import static dev.tollgate.oauth2.Fixture.authorizeRequest;
import static dev.tollgate.oauth2.Fixture.params;
import static dev.tollgate.oauth2.Fixture.redirectParams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationEndpointTest {

    private final Fixture f = new Fixture();

    private Map<String, String> codeQuery(String... extra) {
        Map<String, String> query = params("response_type", "code", "client_id", "demo-client",
                "redirect_uri", REDIRECT_URI, "state", "xyz");
        query.putAll(params(extra));
        return query;
    }

    private OAuth2Error consentError(Map<String, String> query) {
        return assertThrows(OAuth2Error.class, () -> f.server.validateConsentRequest(authorizeRequest(query)));
    }

    @Test
    void consentRequestShowsClientScopeRedirectAndState() {
        AuthorizationRequest authz = f.server.validateConsentRequest(authorizeRequest(codeQuery("scope", "profile")));
        assertEquals("demo-client", authz.client().getClientId());
        assertEquals(Set.of("profile"), authz.scope());
        assertEquals(REDIRECT_URI, authz.redirectUri());
        assertEquals("xyz", authz.state());
        assertEquals(ResponseType.CODE, authz.responseType());
        assertEquals(ResponseMode.QUERY, authz.responseMode());
    }

    @Test
    void missingScopeMeansTheClientsDefault() {
        AuthorizationRequest authz = f.server.validateConsentRequest(authorizeRequest(codeQuery()));
        assertEquals(Set.of("profile", "email"), authz.scope());
    }

    @Test
    void grantedCodeIsA303WithCodeStateAndIss() {
        OAuth2Response response = f.server.createAuthorizationResponse(authorizeRequest(codeQuery()), ALICE);
        assertEquals(303, response.status());
        assertTrue(response.header("Location").startsWith(REDIRECT_URI + "?"));
        Map<String, String> p = redirectParams(response, false);
        assertNotNull(p.get("code"));
        assertEquals("xyz", p.get("state"));
        assertEquals(Fixture.ISSUER, p.get("iss"));
    }

    @Test
    void aValidatedRequestIsAnsweredWithoutValidatingAgain() {
        AuthorizationRequest authz = f.server.validateConsentRequest(authorizeRequest(codeQuery()));
        f.clients.clients.remove("demo-client");
        OAuth2Response response = f.server.createAuthorizationResponse(authz, ALICE);
        assertNotNull(redirectParams(response, false).get("code"));
    }

    @Test
    void deniedIsAccessDeniedRedirect() {
        Map<String, String> p = redirectParams(f.server.createAuthorizationResponse(authorizeRequest(codeQuery()), null), false);
        assertEquals("access_denied", p.get("error"));
        assertNotNull(p.get("error_description"));
        assertEquals("xyz", p.get("state"));
        assertEquals(Fixture.ISSUER, p.get("iss"));
        assertNull(p.get("code"));
    }

    @Test
    void unknownClientIsNeverRedirected() {
        OAuth2Error error = consentError(codeQuery("client_id", "nobody"));
        assertEquals("invalid_client", error.error());
        assertFalse(error.isRedirect());
        assertThrows(OAuth2Error.class, () -> f.server.createAuthorizationResponse(
                authorizeRequest(codeQuery("client_id", "nobody")), ALICE));
        OAuth2Response response = f.server.handleErrorResponse(error);
        assertEquals(400, response.status());
        assertNull(response.header("Location"));
    }

    @Test
    void missingClientIdIsNeverRedirected() {
        Map<String, String> query = codeQuery();
        query.remove("client_id");
        assertFalse(consentError(query).isRedirect());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/callback", "http://127.0.0.1:8765/callback/", "http://127.0.0.1:8765/callback?x=1",
        "http://localhost:8765/callback", "HTTP://127.0.0.1:8765/callback", "http://127.0.0.1:87650/callback",
        "http://127.0.0.1:0/callback", "http://127.0.0.1:000008765/callback", "http://127.0.0.1:/callback",
        "http://127.0.0.1:65536/callback", "http://127.0.0.1:99999999999/callback"})
    void unregisteredRedirectUriIsNeverRedirected(String uri) {
        OAuth2Error error = consentError(codeQuery("redirect_uri", uri));
        assertEquals("invalid_request", error.error());
        assertFalse(error.isRedirect());
        assertThrows(OAuth2Error.class, () -> f.server.createAuthorizationResponse(
                authorizeRequest(codeQuery("redirect_uri", uri)), ALICE));
    }

    @Test
    void unregisteredRedirectUriWinsOverAnUnsupportedResponseType() {
        OAuth2Error error = consentError(codeQuery("redirect_uri", "https://evil.example/", "response_type", "bogus"));
        assertFalse(error.isRedirect());
    }

    @Test
    void loopbackRedirectUriMayUseAnyPort() {
        AuthorizationRequest authz = f.server.validateConsentRequest(
                authorizeRequest(codeQuery("redirect_uri", "http://127.0.0.1:51234/callback")));
        assertEquals("http://127.0.0.1:51234/callback", authz.redirectUri());
    }

    @Test
    void missingRedirectUriUsesTheOnlyRegisteredOne() {
        Map<String, String> query = codeQuery();
        query.remove("redirect_uri");
        assertEquals(REDIRECT_URI, f.server.validateConsentRequest(authorizeRequest(query)).redirectUri());
    }

    @Test
    void missingRedirectUriIsRefusedWhenSeveralAreRegistered() {
        f.clients.add(TestClient.confidential("two", "s", "client_secret_basic")
                .withRedirectUris(List.of(REDIRECT_URI, "https://app.example/cb")));
        Map<String, String> query = codeQuery("client_id", "two");
        query.remove("redirect_uri");
        assertFalse(consentError(query).isRedirect());
    }

    @Test
    void missingResponseTypeIsRedirectedInvalidRequest() {
        Map<String, String> query = codeQuery();
        query.remove("response_type");
        OAuth2Error error = consentError(query);
        assertEquals("invalid_request", error.error());
        Map<String, String> p = redirectParams(f.server.handleErrorResponse(error), false);
        assertEquals("invalid_request", p.get("error"));
        assertEquals("xyz", p.get("state"));
        assertEquals(Fixture.ISSUER, p.get("iss"));
    }

    @Test
    void unknownResponseTypeIsRedirectedUnsupported() {
        Map<String, String> p = redirectParams(f.server.createAuthorizationResponse(
                authorizeRequest(codeQuery("response_type", "code token")), ALICE), false);
        assertEquals("unsupported_response_type", p.get("error"));
        assertEquals("xyz", p.get("state"));
    }

    @Test
    void responseTypeNotRegisteredForTheClientIsUnauthorizedClient() {
        Map<String, String> p = redirectParams(f.server.createAuthorizationResponse(
                authorizeRequest(codeQuery("client_id", "demo-public", "response_type", "token")), ALICE), true);
        assertEquals("unauthorized_client", p.get("error"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "unknown", "profile unknown", "bad\"scope"})
    void invalidScopeIsRedirected(String scope) {
        Map<String, String> p = redirectParams(f.server.createAuthorizationResponse(
                authorizeRequest(codeQuery("scope", scope)), ALICE), false);
        assertEquals("invalid_scope", p.get("error"));
        assertEquals("xyz", p.get("state"));
    }

    @Test
    void implicitGrantPutsTheTokenInTheFragment() {
        OAuth2Response response = f.server.createAuthorizationResponse(
                authorizeRequest(codeQuery("response_type", "token", "scope", "profile")), ALICE);
        assertTrue(response.header("Location").startsWith(REDIRECT_URI + "#"));
        Map<String, String> p = redirectParams(response, true);
        assertNotNull(p.get("access_token"));
        assertEquals("Bearer", p.get("token_type"));
        assertEquals("3600", p.get("expires_in"));
        assertEquals("profile", p.get("scope"));
        assertEquals("xyz", p.get("state"));
        assertEquals(Fixture.ISSUER, p.get("iss"));
        assertNull(p.get("refresh_token"));
    }

    @Test
    void implicitDenialGoesInTheFragment() {
        Map<String, String> p = redirectParams(f.server.createAuthorizationResponse(
                authorizeRequest(codeQuery("response_type", "token")), null), true);
        assertEquals("access_denied", p.get("error"));
    }

    @Test
    void implicitIsOffUnlessEnabled() {
        Fixture strict = new Fixture(o -> o.grants = new GrantSettings(false, true));
        Map<String, String> p = redirectParams(strict.server.createAuthorizationResponse(
                authorizeRequest(codeQuery("response_type", "token")), ALICE), false);
        assertEquals("unsupported_response_type", p.get("error"));
    }

    @Test
    void redirectUriWithAQueryKeepsIt() {
        f.clients.add(TestClient.confidential("q", "s", "client_secret_basic").withRedirectUris(List.of("https://app.example/cb?x=1")));
        OAuth2Response response = f.server.createAuthorizationResponse(
                authorizeRequest(codeQuery("client_id", "q", "redirect_uri", "https://app.example/cb?x=1")), ALICE);
        assertTrue(response.header("Location").startsWith("https://app.example/cb?x=1&code="));
    }
}
