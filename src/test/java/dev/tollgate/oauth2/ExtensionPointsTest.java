package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.ALICE;
import static dev.tollgate.oauth2.Fixture.REDIRECT_URI;
import static dev.tollgate.oauth2.Fixture.authorizeRequest;
import static dev.tollgate.oauth2.Fixture.basic;
import static dev.tollgate.oauth2.Fixture.json;
import static dev.tollgate.oauth2.Fixture.params;
import static dev.tollgate.oauth2.Fixture.redirectParams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.JsonSupport;
import dev.tollgate.common.Secrets;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Each extension point is one class registered on the builder: a client authentication method, a grant type
 * that authenticates the client by itself, a grant extension and a response mode, each existing only here.
 */
class ExtensionPointsTest {

    // ---- a client authentication method: the credentials in a header of their own ----

    /** {@code X-Client-Key: <client id>.<secret>}. */
    static final class ClientKeyHeader implements ClientAuthenticationMethod {

        @Override
        public String name() {
            return "test_client_key";
        }

        @Override
        public boolean isUsedBy(OAuth2Request request) {
            return request.header("X-Client-Key") != null;
        }

        @Override
        public String clientId(OAuth2Request request) {
            String key = request.header("X-Client-Key");
            int dot = key.indexOf('.');
            if (dot < 0) {
                throw OAuth2Error.invalidClient("Malformed client key.");
            }
            return key.substring(0, dot);
        }

        @Override
        public boolean verify(OAuth2Request request, OAuth2Client client) {
            String key = request.header("X-Client-Key");
            return client.checkClientSecret(key.substring(key.indexOf('.') + 1));
        }
    }

    private static OAuth2Request withClientKey(String key, String authorization) {
        Map<String, List<String>> headers = new HashMap<>(Map.of("X-Client-Key", List.of(key)));
        if (authorization != null) {
            headers.put("Authorization", List.of(authorization));
        }
        return OAuth2Request.of("POST", Fixture.ISSUER + "/oauth2/token", headers,
                "grant_type=client_credentials", "application/x-www-form-urlencoded");
    }

    @Test
    void aClientAuthenticationMethodIsOneRegisteredClass() {
        Fixture f = new Fixture(o -> o.builder = b -> b.clientAuthentication(new ClientKeyHeader()));
        f.clients.add(TestClient.confidential("keyed", "k3y", "test_client_key"));

        OAuth2Response ok = f.server.createTokenResponse(withClientKey("keyed.k3y", null));
        assertEquals(200, ok.status(), ok.body());
        assertEquals("invalid_client", json(f.server.createTokenResponse(withClientKey("keyed.wrong", null)))
                .getString("error"));
        assertEquals("invalid_request", json(f.server.createTokenResponse(
                withClientKey("keyed.k3y", basic("demo-client", "demo-secret")))).getString("error"));
        OAuth2Response heldToItsMethod = f.server.createTokenResponse(withClientKey("demo-client.demo-secret", null));
        assertEquals(401, heldToItsMethod.status(), "demo-client is registered for client_secret_basic");
        assertTrue(heldToItsMethod.header("WWW-Authenticate").startsWith("Basic "));

        JsonObject metadata = MetadataEndpoint.metadata(f.server.settings(), f.server.capabilities());
        assertTrue(metadata.getJsonArray("token_endpoint_auth_methods_supported").toString().contains("test_client_key"));
        OAuth2Response registered = f.server.createEndpointResponse(RegistrationEndpoint.NAME, OAuth2Request.of("POST",
                Fixture.ISSUER + "/oauth2/register", Map.of(), "{\"grant_types\":[\"client_credentials\"],"
                        + "\"token_endpoint_auth_method\":\"test_client_key\"}", "application/json"));
        assertEquals(201, registered.status(), registered.body());
    }

    // ---- a grant type that authenticates the client by its own assertion ----

    /** {@code urn:test:ticket}: a single-use ticket names both the client and the resource owner. */
    static final class TicketGrant implements TokenGrant {

        final Map<String, String[]> tickets = new ConcurrentHashMap<>();
        private final ClientStore clients;

        TicketGrant(ClientStore clients) {
            this.clients = clients;
        }

        @Override
        public String grantType() {
            return "urn:test:ticket";
        }

        @Override
        public OAuth2Client authenticateClient(OAuth2Request request, ClientAuthenticator authenticator) {
            String[] ticket = tickets.get(String.valueOf(request.form("ticket")));
            return Optional.ofNullable(ticket).flatMap(t -> clients.find(t[0]))
                    .orElseThrow(() -> OAuth2Error.invalidClient("Unknown ticket."));
        }

        @Override
        public TokenContext validateTokenRequest(TokenRequest request) {
            String[] ticket = tickets.remove(request.form("ticket"));
            if (ticket == null) {
                throw OAuth2Error.invalidGrant("The ticket was used.");
            }
            return new TokenContext(grantType(), request.client(), ResourceOwner.of(ticket[1]),
                    request.scopes().resolve(request.client(), request.form("scope")), "ticket-" + ticket[1], true,
                    Map.of());
        }
    }

    @Test
    void aGrantTypeIsOneRegisteredClassAndMayAuthenticateTheClientItself() {
        TicketGrant[] grant = new TicketGrant[1];
        Fixture f = new Fixture(o -> o.builder = b -> b.grant(grant[0] = new TicketGrant(o.clients)));
        f.clients.add(TestClient.publicClient("kiosk").withGrantTypes(Set.of("urn:test:ticket", "refresh_token"),
                Set.of()));
        grant[0].tickets.put("t-1", new String[] {"kiosk", "alice"});
        grant[0].tickets.put("t-2", new String[] {"demo-public", "alice"});

        OAuth2Request request = Fixture.post("/oauth2/token", params("grant_type", "urn:test:ticket",
                "ticket", "t-1", "scope", "profile"), null);
        JsonObject token = json(f.server.createTokenResponse(request));
        assertEquals("profile", token.getString("scope"));
        assertTrue(token.containsKey("refresh_token"), "refresh is allowed and the client is registered for it");
        OAuth2Token stored = f.tokens.findByAccessTokenHash(Secrets.sha256(
                token.getString("access_token"))).orElseThrow();
        assertEquals("alice", stored.getUsername());
        assertEquals("kiosk", stored.getClientId());
        assertEquals("invalid_client", json(f.server.createTokenResponse(request)).getString("error"));
        assertEquals("unauthorized_client", json(f.server.createTokenResponse(Fixture.post("/oauth2/token",
                params("grant_type", "urn:test:ticket", "ticket", "t-2"), null))).getString("error"));
        assertTrue(MetadataEndpoint.metadata(f.server.settings(), f.server.capabilities())
                .getJsonArray("grant_types_supported").toString().contains("urn:test:ticket"));
    }

    // ---- a grant extension: an audience chosen at the authorization endpoint, kept with the code ----

    /** {@code audience} at authorization, checked again at the token endpoint and echoed in the response. */
    static final class Audience implements GrantExtension {

        @Override
        public AuthorizationRequest validateAuthorizationRequest(AuthorizationRequest request, OAuth2Request http) {
            String audience = http.param("audience");
            if (audience != null && !URI.create(audience).isAbsolute()) {
                throw OAuth2Error.invalidRequest("The audience must be an absolute URI.");
            }
            return audience == null ? request : request.withAttribute("audience", audience);
        }

        @Override
        public TokenContext validateTokenRequest(TokenRequest request, TokenContext context) {
            String audience = request.form("audience");
            if (audience != null && !audience.equals(context.attribute("audience"))) {
                throw OAuth2Error.invalidGrant("The audience differs from the authorization's.");
            }
            return context;
        }

        @Override
        public TokenResponse extendTokenResponse(TokenContext context, TokenResponse response) {
            String audience = context.attribute("audience");
            return audience == null ? response : response.withParameter("audience", audience);
        }

        @Override
        public void describe(JsonObjectBuilder metadata) {
            metadata.add("test_audience_supported", true);
        }
    }

    private static Map<String, String> codeQuery(String... more) {
        Map<String, String> query = params("response_type", "code", "client_id", "demo-client",
                "redirect_uri", REDIRECT_URI, "state", "s1");
        query.putAll(params(more));
        return query;
    }

    @Test
    void aGrantExtensionIsOneRegisteredClassAndItsAttributesTravelWithTheCode() {
        Fixture f = new Fixture(o -> o.builder = b -> b.grant(
                new AuthorizationCodeGrant(o.codes, TokenSettings.DEFAULT.authorizationCodeLifetime()), new Audience()));
        String code = redirectParams(f.server.createAuthorizationResponse(authorizeRequest(codeQuery(
                "audience", "https://api.example")), ALICE), false).get("code");
        JsonObject token = json(f.token(params("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI)));
        assertEquals("https://api.example", token.getString("audience"));

        String other = redirectParams(f.server.createAuthorizationResponse(authorizeRequest(codeQuery(
                "audience", "https://api.example")), ALICE), false).get("code");
        assertEquals("invalid_grant", json(f.token(params("grant_type", "authorization_code", "code", other,
                "redirect_uri", REDIRECT_URI, "audience", "https://elsewhere.example"))).getString("error"));
        assertEquals("invalid_request", redirectParams(f.server.createAuthorizationResponse(authorizeRequest(
                codeQuery("audience", "relative")), ALICE), false).get("error"));
        assertFalse(json(f.token(params("grant_type", "client_credentials"))).containsKey("audience"),
                "registered with the code grant only");
        JsonObject metadata = MetadataEndpoint.metadata(f.server.settings(), f.server.capabilities());
        assertTrue(metadata.getBoolean("test_audience_supported"));
        assertTrue(metadata.containsKey("code_challenge_methods_supported"), "PKCE stays with the code grant");
        assertEquals("invalid_request", redirectParams(f.server.createAuthorizationResponse(authorizeRequest(
                codeQuery("client_id", "demo-public")), ALICE), false).get("error"), "PKCE is still required");
    }

    @Test
    void anExtensionOfEveryGrantSeesEveryIssue() {
        GrantExtension typed = new GrantExtension() {
            @Override
            public TokenResponse extendTokenResponse(TokenContext context, TokenResponse response) {
                return response.withTokenType("Test");
            }
        };
        Fixture f = new Fixture(o -> o.builder = b -> b.extension(typed));
        assertEquals("Test", json(f.token(params("grant_type", "client_credentials"))).getString("token_type"));
        assertEquals("Test", redirectParams(f.server.createAuthorizationResponse(authorizeRequest(codeQuery(
                "response_type", "token")), ALICE), true).get("token_type"));
    }

    // ---- a response mode: the parameters as a JSON document ----

    /** {@code test_json}: 200 with the parameters as JSON, for a client that reads them from a frame. */
    static final class JsonResponseMode implements ResponseMode {

        @Override
        public String name() {
            return "test_json";
        }

        @Override
        public OAuth2Response respond(String redirectUri, Map<String, String> parameters) {
            JsonObjectBuilder json = JsonSupport.JSON.createObjectBuilder().add("redirect_uri", redirectUri);
            parameters.forEach((name, value) -> {
                if (value != null) {
                    json.add(name, value);
                }
            });
            return OAuth2Response.json(200, json.build());
        }
    }

    @Test
    void aResponseModeIsOneRegisteredClass() {
        Fixture f = new Fixture(o -> o.builder = b -> b.responseMode(new JsonResponseMode()));
        OAuth2Response granted = f.server.createAuthorizationResponse(authorizeRequest(codeQuery(
                "response_mode", "test_json")), ALICE);
        assertEquals(200, granted.status());
        JsonObject body = json(granted);
        assertEquals(REDIRECT_URI, body.getString("redirect_uri"));
        assertEquals("s1", body.getString("state"));
        assertEquals(Fixture.ISSUER, body.getString("iss"));
        assertTrue(body.containsKey("code"));
        JsonObject denied = json(f.server.createAuthorizationResponse(authorizeRequest(codeQuery(
                "response_mode", "test_json")), null));
        assertEquals("access_denied", denied.getString("error"));
        JsonObject badScope = json(f.server.createAuthorizationResponse(authorizeRequest(codeQuery(
                "response_mode", "test_json", "scope", "unknown")), ALICE));
        assertEquals("invalid_scope", badScope.getString("error"));
        assertTrue(MetadataEndpoint.metadata(f.server.settings(), f.server.capabilities())
                .getJsonArray("response_modes_supported").toString().contains("test_json"));
    }

    @Test
    void responseModesAreCheckedAgainstTheResponseType() {
        Fixture f = new Fixture();
        Map<String, String> unknown = redirectParams(f.server.createAuthorizationResponse(authorizeRequest(codeQuery(
                "response_mode", "test_json")), ALICE), false);
        assertEquals("invalid_request", unknown.get("error"));
        // Multiple Response Type Encoding Practices §5: a token never goes in the query
        Map<String, String> tokenInQuery = redirectParams(f.server.createAuthorizationResponse(authorizeRequest(
                codeQuery("response_type", "token", "response_mode", "query")), ALICE), true);
        assertEquals("invalid_request", tokenInQuery.get("error"));
        assertNull(tokenInQuery.get("access_token"));
        Map<String, String> codeInFragment = redirectParams(f.server.createAuthorizationResponse(authorizeRequest(
                codeQuery("response_mode", "fragment")), ALICE), true);
        assertTrue(codeInFragment.containsKey("code"));
    }

    @Test
    void theServerIsImmutableOnceBuilt() {
        OAuth2ServerBuilder builder = OAuth2Server.builder(OAuth2Settings.builder(Fixture.ISSUER).build(), TokenSettings.DEFAULT,
                new InMemoryClientStore(), new InMemoryTokenStore(), Clock.systemUTC());
        OAuth2Server server = builder.grant(new ClientCredentialsGrant()).build();
        builder.grant(new RefreshTokenGrant(true));
        assertNull(server.capabilities().tokenGrant("refresh_token"));
        assertEquals(Set.of("client_credentials"), server.capabilities().grantTypes());
    }
}
