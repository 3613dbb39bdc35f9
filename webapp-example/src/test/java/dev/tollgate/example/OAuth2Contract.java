package dev.tollgate.example;

import static dev.tollgate.example.Browser.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OAuth 2.0 lines of the contract, walked with an independent client library (the Nimbus OAuth 2.0 SDK)
 * and a cookie-keeping {@link Browser} for the resource owner. {@link ExampleIT} runs each check.
 */
final class OAuth2Contract {

    static final String CALLBACK = "http://127.0.0.1:8765/callback";
    static final ClientAuthentication DEMO_CLIENT =
            new ClientSecretBasic(new ClientID("demo-client"), new Secret("demo-secret"));
    static final ClientAuthentication DEMO_POST_CLIENT =
            new ClientSecretPost(new ClientID("demo-post-client"), new Secret("demo-post-secret"));

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    OAuth2Contract(URI base) {
        this.base = base;
    }

    // ---- authorization endpoint ----

    void codeWithPkceForAConfidentialClient() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = authorize(Browser.signedIn(base, "alice", "wonderland"), "demo-client", verifier);
        Tokens tokens = success(token(DEMO_CLIENT, new AuthorizationCodeGrant(code, URI.create(CALLBACK), verifier)));
        JsonObject me = me(tokens.getAccessToken());
        assertEquals("alice", me.getString("username"));
        assertEquals("demo-client", me.getString("client_id"));
        assertEquals("profile", me.getString("scope"));
    }

    void codeWithPkceForAPublicClientThenRefresh() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = authorize(Browser.signedIn(base, "bob", "builder"), "demo-public", verifier);
        TokenResponse response = TokenResponse.parse(new TokenRequest(endpoint("oauth2/token"),
                new ClientID("demo-public"), new AuthorizationCodeGrant(code, URI.create(CALLBACK), verifier))
                .toHTTPRequest().send());
        Tokens tokens = success(response);
        assertEquals("bob", me(tokens.getAccessToken()).getString("username"));
        Tokens refreshed = success(TokenResponse.parse(new TokenRequest(endpoint("oauth2/token"),
                new ClientID("demo-public"), new RefreshTokenGrant(tokens.getRefreshToken())).toHTTPRequest().send()));
        assertNotNull(refreshed.getRefreshToken());
        assertEquals("bob", me(refreshed.getAccessToken()).getString("username"));
    }

    void publicClientWithoutPkceIsRefusedByRedirect() throws Exception {
        State state = new State();
        URI request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new ClientID("demo-public")).redirectionURI(URI.create(CALLBACK)).scope(new Scope("profile"))
                .state(state).endpointURI(endpoint("oauth2/authorize")).build().toURI();
        AuthorizationResponse response = AuthorizationResponse.parse(
                URI.create(redirect(Browser.signedIn(base, "alice", "wonderland").get(request.toString()))));
        assertEquals("invalid_request", response.toErrorResponse().getErrorObject().getCode());
        assertEquals(state, response.getState());
        assertEquals(issuer(), response.getIssuer().getValue());
    }

    void deniedConsentRedirectsWithAccessDenied() throws Exception {
        Browser alice = Browser.signedIn(base, "alice", "wonderland");
        State state = new State();
        URI request = codeRequest("demo-client", new CodeVerifier(), state);
        String csrf = alice.csrfOf(alice.get(request.toString()));
        HttpResponse<String> denied = alice.post(request.toString(), form("csrf_token", csrf, "confirm", "false"));
        AuthorizationResponse response = AuthorizationResponse.parse(URI.create(redirect(denied)));
        assertEquals("access_denied", response.toErrorResponse().getErrorObject().getCode());
        assertEquals(state, response.getState());
        assertEquals(issuer(), response.getIssuer().getValue());
    }

    void implicitGrantPutsTheTokenInTheFragment() throws Exception {
        Browser alice = Browser.signedIn(base, "alice", "wonderland");
        State state = new State();
        URI request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.TOKEN),
                new ClientID("demo-client")).redirectionURI(URI.create(CALLBACK)).scope(new Scope("profile"))
                .state(state).endpointURI(endpoint("oauth2/authorize")).build().toURI();
        String csrf = alice.csrfOf(alice.get(request.toString()));
        URI location = URI.create(redirect(alice.post(request.toString(), form("csrf_token", csrf, "confirm", "true"))));
        assertTrue(location.toString().startsWith(CALLBACK + "#"), location.toString());
        AuthorizationResponse response = AuthorizationResponse.parse(location);
        assertTrue(response.indicatesSuccess(), location.toString());
        assertEquals(state, response.getState());
        assertEquals("alice", me(response.toSuccessResponse().getAccessToken()).getString("username"));
    }

    void unknownClientOrRedirectUriIsAnErrorPageNeverARedirect() throws Exception {
        for (String query : new String[] {
            "client_id=nobody&response_type=code&redirect_uri=" + CALLBACK,
            "client_id=demo-client&response_type=code&redirect_uri=https://attacker.example/cb",
            "client_id=demo-client&response_type=code&redirect_uri=http://127.0.0.1:8765/callback/other",
        }) {
            for (Browser browser : new Browser[] {new Browser(base), Browser.signedIn(base, "alice", "wonderland")}) {
                HttpResponse<String> page = browser.get("/oauth2/authorize?" + query);
                assertEquals(400, page.statusCode(), query);
                assertTrue(page.headers().firstValue("Location").isEmpty(), query);
                assertTrue(page.body().contains("<html"), query);
            }
        }
    }

    void otherErrorsRedirectWithErrorAndState() throws Exception {
        Browser alice = Browser.signedIn(base, "alice", "wonderland");
        URI location = URI.create(redirect(alice.get("/oauth2/authorize?client_id=demo-client&response_type=code"
                + "&redirect_uri=" + CALLBACK + "&scope=admin&state=s1&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")));
        Map<String, String> query = Browser.query(location);
        assertEquals("invalid_scope", query.get("error"));
        assertEquals("s1", query.get("state"));
        assertEquals(issuer(), query.get("iss"));
    }

    // ---- token endpoint ----

    void clientCredentialsWithFormAuthentication() throws Exception {
        Tokens tokens = success(token(DEMO_POST_CLIENT, new ClientCredentialsGrant(), new Scope("profile")));
        JsonObject me = me(tokens.getAccessToken());
        assertTrue(me.isNull("username"));
        assertEquals("demo-post-client", me.getString("client_id"));
    }

    void passwordGrant() throws Exception {
        Tokens tokens = success(token(DEMO_CLIENT, new ResourceOwnerPasswordCredentialsGrant("alice",
                new Secret("wonderland")), new Scope("profile email")));
        assertEquals("alice", me(tokens.getAccessToken()).getString("username"));
        TokenResponse wrong = token(DEMO_CLIENT, new ResourceOwnerPasswordCredentialsGrant("alice",
                new Secret("looking-glass")), new Scope("profile"));
        assertEquals("invalid_grant", wrong.toErrorResponse().getErrorObject().getCode());
    }

    void tokenResponsesAreNotCachedAndBadClientsAre401() throws Exception {
        HTTPResponse ok = new TokenRequest(endpoint("oauth2/token"), DEMO_CLIENT, new ClientCredentialsGrant(),
                new Scope("profile")).toHTTPRequest().send();
        assertEquals("no-store", ok.getHeaderValue("Cache-Control"));
        HTTPResponse bad = new TokenRequest(endpoint("oauth2/token"),
                new ClientSecretBasic(new ClientID("demo-client"), new Secret("wrong")), new ClientCredentialsGrant())
                .toHTTPRequest().send();
        assertEquals(401, bad.getStatusCode());
        assertTrue(bad.getHeaderValue("WWW-Authenticate").startsWith("Basic"));
        assertEquals("invalid_client", TokenResponse.parse(bad).toErrorResponse().getErrorObject().getCode());
    }

    // ---- revocation, introspection, resource ----

    void revokedTokenIsRejectedAndInactive() throws Exception {
        Tokens tokens = success(token(DEMO_CLIENT, new ResourceOwnerPasswordCredentialsGrant("bob",
                new Secret("builder")), new Scope("profile")));
        TokenIntrospectionSuccessResponse active = introspect(tokens.getAccessToken());
        assertTrue(active.isActive());
        assertEquals("bob", active.getUsername());
        assertEquals(new ClientID("demo-client"), active.getClientID());

        HTTPResponse revoked = new TokenRevocationRequest(endpoint("oauth2/revoke"), DEMO_CLIENT,
                tokens.getAccessToken()).toHTTPRequest().send();
        assertEquals(200, revoked.getStatusCode());
        HttpResponse<String> me = meResponse(tokens.getAccessToken());
        assertEquals(401, me.statusCode());
        assertTrue(me.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
        assertFalse(introspect(tokens.getAccessToken()).isActive());
        assertEquals(Map.of("active", false), introspect(tokens.getAccessToken()).toJSONObject());

        HTTPResponse unknown = new TokenRevocationRequest(endpoint("oauth2/revoke"), DEMO_CLIENT,
                new com.nimbusds.oauth2.sdk.token.BearerAccessToken("no-such-token")).toHTTPRequest().send();
        assertEquals(200, unknown.getStatusCode());
    }

    void resourceChallengesMissingInvalidAndInsufficientTokens() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(endpoint("api/me")).build());
        assertEquals(401, none.statusCode());
        String challenge = none.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.startsWith("Bearer") && !challenge.contains("error="), challenge);
        assertEquals("", none.body(), "RFC 6750 §3.1: no error information without credentials");

        HttpResponse<String> invalid = meResponse(new com.nimbusds.oauth2.sdk.token.BearerAccessToken("forged"));
        assertEquals(401, invalid.statusCode());
        assertTrue(invalid.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));

        Tokens email = success(token(DEMO_CLIENT, new ClientCredentialsGrant(), new Scope("email")));
        HttpResponse<String> insufficient = meResponse(email.getAccessToken());
        assertEquals(403, insufficient.statusCode());
        String scope = insufficient.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(scope.contains("error=\"insufficient_scope\"") && scope.contains("scope=\"profile\""), scope);
    }

    /** Malformed percent-encoding in the query is each endpoint's 400 invalid_request, never a 500 page. */
    void malformedQueryStringsAre400() throws Exception {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("demo-client:demo-secret".getBytes());
        for (String path : List.of("/oauth2/token", "/oauth2/revoke", "/oauth2/introspect")) {
            for (String malformed : List.of("%zz", "%FF", "%E0%A4%A", "%C0%AF")) {
                RawHttp.Answer answer = RawHttp.send(base, "POST", path + "?x=" + malformed,
                        "grant_type=client_credentials&token=t", "Authorization", basic,
                        "Content-Type", "application/x-www-form-urlencoded");
                assertEquals(400, answer.status(), path + "?x=" + malformed + ": " + answer.body());
                if (!answer.body().isEmpty()) { // WildFly's Undertow refuses such a query before the application
                    assertEquals("invalid_request", json(answer.body()).getString("error"));
                }
            }
        }
        assertEquals(400, RawHttp.send(base, "GET", "/oauth2/authorize?client_id=demo-client&response_type=code&x=%zz",
                null).status());
    }

    /** The bearer filter reads the token alone: the application's own query is not its business (RFC 6750). */
    void theBearerFilterReadsOnlyTheToken() throws Exception {
        Tokens alice = success(token(DEMO_CLIENT, new ResourceOwnerPasswordCredentialsGrant("alice",
                new Secret("wonderland")), new Scope("profile")));
        StringBuilder many = new StringBuilder("p0=0");
        for (int i = 1; i < 80; i++) {
            many.append("&p").append(i).append('=').append(i);
        }
        for (String query : List.of("id=1&id=2", many.toString(), "access_token=" + alice.getAccessToken())) {
            RawHttp.Answer answer = RawHttp.send(base, "GET", "/api/me?" + query, null,
                    "Authorization", alice.getAccessToken().toAuthorizationHeader());
            assertEquals(200, answer.status(), query + ": " + answer.body());
            assertEquals("alice", json(answer.body()).getString("username"));
        }
        // a client's own token never leaves the signed-in session's user as the principal
        Browser bob = Browser.signedIn(base, "bob", "builder");
        Tokens own = success(token(DEMO_CLIENT, new ClientCredentialsGrant(), new Scope("profile")));
        HttpResponse<String> me = bob.get("/api/me", "Authorization", own.getAccessToken().toAuthorizationHeader());
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(json(me.body()).isNull("username"), me.body());
    }

    /** A client that registered itself gets a consent page that says its name is not verified. */
    void aSelfRegisteredClientIsMarkedUnverified() throws Exception {
        HttpResponse<String> registered = register("{\"redirect_uris\":[\"" + CALLBACK + "\"],"
                + "\"client_name\":\"Totally Official\",\"scope\":\"profile\"}");
        assertEquals(201, registered.statusCode(), registered.body());
        String clientId = json(registered.body()).getString("client_id");
        Browser alice = Browser.signedIn(base, "alice", "wonderland");
        HttpResponse<String> consent = alice.get("/oauth2/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=" + java.net.URLEncoder.encode(CALLBACK, java.nio.charset.StandardCharsets.UTF_8)
                + "&code_challenge=" + new CodeVerifier().getValue().substring(0, 43) + "&code_challenge_method=S256");
        assertEquals(200, consent.statusCode(), consent.body());
        assertTrue(consent.body().contains("Totally Official (unverified)"), consent.body());
        HttpResponse<String> demo = alice.get(codeRequest("demo-client", new CodeVerifier(), new State()).toString());
        assertFalse(demo.body().contains("unverified"), "a client the operator registered is not marked");
    }

    // ---- metadata, registration ----

    void metadataNamesEveryEndpoint() throws Exception {
        AuthorizationServerMetadata metadata = metadata();
        assertEquals(issuer(), metadata.getIssuer().getValue());
        assertEquals(URI.create(issuer() + "/oauth2/authorize"), metadata.getAuthorizationEndpointURI());
        assertEquals(URI.create(issuer() + "/oauth2/token"), metadata.getTokenEndpointURI());
        assertEquals(URI.create(issuer() + "/oauth2/revoke"), metadata.getRevocationEndpointURI());
        assertEquals(URI.create(issuer() + "/oauth2/introspect"), metadata.getIntrospectionEndpointURI());
        assertEquals(URI.create(issuer() + "/oauth2/register"), metadata.getRegistrationEndpointURI());
        assertTrue(metadata.getCodeChallengeMethods().contains(CodeChallengeMethod.S256));
        assertTrue(metadata.supportsAuthorizationResponseIssuerParam());
        assertTrue(metadata.getScopes().toStringList().containsAll(Set.of("profile", "email")));
    }

    void registrationGivesASecretOnceAndDefaults() throws Exception {
        HttpResponse<String> response = register("{\"redirect_uris\":[\"https://app.example/callback\"],"
                + "\"client_name\":\"Registered app\"}");
        assertEquals(201, response.statusCode(), response.body());
        JsonObject client = json(response.body());
        assertNotNull(client.getString("client_id"));
        assertNotNull(client.getString("client_secret"));
        assertEquals(Json.createArrayBuilder().add("authorization_code").build(), client.getJsonArray("grant_types"));
        assertEquals(Json.createArrayBuilder().add("code").build(), client.getJsonArray("response_types"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());

        HttpResponse<String> service = register("{\"grant_types\":[\"client_credentials\"],\"scope\":\"profile\"}");
        assertEquals(201, service.statusCode(), service.body());
        JsonObject registered = json(service.body());
        Tokens tokens = success(token(new ClientSecretBasic(new ClientID(registered.getString("client_id")),
                new Secret(registered.getString("client_secret"))), new ClientCredentialsGrant(), new Scope("profile")));
        assertEquals(registered.getString("client_id"), me(tokens.getAccessToken()).getString("client_id"));
    }

    void registrationRefusesDangerousRedirectUrisAndMistypedMetadata() throws Exception {
        for (String uri : new String[] {"javascript:alert(1)", "data:text/html,hi", "vbscript:msgbox",
            "https://app.example/cb#fragment", "https://user:pass@app.example/cb", "http://app.example/cb",
            "/relative/cb"}) {
            HttpResponse<String> response = register("{\"redirect_uris\":[" + Json.createValue(uri) + "]}");
            assertEquals(400, response.statusCode(), uri);
            assertEquals("invalid_redirect_uri", json(response.body()).getString("error"), uri);
        }
        for (String uri : new String[] {"http://127.0.0.1:9000/cb", "http://[::1]/cb", "com.example.app:/oauth"}) {
            assertEquals(201, register("{\"redirect_uris\":[" + Json.createValue(uri) + "]}").statusCode(), uri);
        }
        HttpResponse<String> mistyped = register("{\"redirect_uris\":\"https://app.example/cb\"}");
        assertEquals(400, mistyped.statusCode());
        assertEquals("invalid_client_metadata", json(mistyped.body()).getString("error"));
    }

    // ---- developer page ----

    void developerRegistersAnOAuth2ClientThatWorks() throws Exception {
        Browser bob = Browser.signedIn(base, "bob", "builder");
        String csrf = bob.csrfOf(bob.get("/developer/oauth2"));
        HttpResponse<String> refused = bob.post("/developer/oauth2", form("csrf_token", csrf, "client_name", "Bad",
                "redirect_uris", "javascript:alert(1)", "token_endpoint_auth_method", "client_secret_basic"));
        assertEquals(400, refused.statusCode());
        HttpResponse<String> registered = bob.post("/developer/oauth2", form("csrf_token", csrf,
                "client_name", "Bob's app", "redirect_uris", CALLBACK,
                "token_endpoint_auth_method", "client_secret_basic"));
        assertEquals(200, registered.statusCode(), registered.body());
        String clientId = Browser.idValue(registered.body(), "client_id");
        String secret = Browser.idValue(registered.body(), "client_secret");
        HttpResponse<String> list = bob.get("/developer/oauth2");
        assertTrue(list.body().contains(clientId) && !list.body().contains(secret), "the secret is shown once");

        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = authorize(bob, clientId, verifier);
        Tokens tokens = success(token(new ClientSecretBasic(new ClientID(clientId), new Secret(secret)),
                new AuthorizationCodeGrant(code, URI.create(CALLBACK), verifier)));
        assertEquals(clientId, me(tokens.getAccessToken()).getString("client_id"));
    }

    // ---- helpers ----

    /** Walks the consent page as the browser's user; checks state and iss; answers the code. */
    AuthorizationCode authorize(Browser owner, String clientId, CodeVerifier verifier) throws Exception {
        State state = new State();
        URI request = codeRequest(clientId, verifier, state);
        HttpResponse<String> consent = owner.get(request.toString());
        assertTrue(consent.body().contains(clientId), consent.body());
        HttpResponse<String> granted = owner.post(request.toString(),
                form("csrf_token", owner.csrfOf(consent), "confirm", "true"));
        assertEquals(303, granted.statusCode(), granted.body());
        AuthorizationResponse response = AuthorizationResponse.parse(URI.create(redirect(granted)));
        assertTrue(response.indicatesSuccess(), redirect(granted));
        assertEquals(state, response.getState());
        assertEquals(issuer(), response.getIssuer().getValue());
        return response.toSuccessResponse().getAuthorizationCode();
    }

    URI codeRequest(String clientId, CodeVerifier verifier, State state) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(clientId))
                .redirectionURI(URI.create(CALLBACK)).scope(new Scope("profile")).state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(endpoint("oauth2/authorize")).build().toURI();
    }

    TokenResponse token(ClientAuthentication client, AuthorizationGrant grant) throws Exception {
        return token(client, grant, null);
    }

    TokenResponse token(ClientAuthentication client, AuthorizationGrant grant, Scope scope) throws Exception {
        return TokenResponse.parse(new TokenRequest(endpoint("oauth2/token"), client, grant, scope).toHTTPRequest().send());
    }

    static Tokens success(TokenResponse response) {
        assertTrue(response.indicatesSuccess(),
                () -> response.toErrorResponse().getErrorObject().toJSONObject().toString());
        return response.toSuccessResponse().getTokens();
    }

    JsonObject me(AccessToken token) throws Exception {
        HttpResponse<String> response = meResponse(token);
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body());
    }

    private HttpResponse<String> meResponse(AccessToken token) throws Exception {
        return send(HttpRequest.newBuilder(endpoint("api/me")).header("Authorization", token.toAuthorizationHeader())
                .build());
    }

    private TokenIntrospectionSuccessResponse introspect(AccessToken token) throws Exception {
        HTTPRequest request = new TokenIntrospectionRequest(endpoint("oauth2/introspect"), DEMO_CLIENT, token)
                .toHTTPRequest();
        return TokenIntrospectionResponse.parse(request.send()).toSuccessResponse();
    }

    private HttpResponse<String> register(String json) throws Exception {
        return send(HttpRequest.newBuilder(endpoint("oauth2/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    AuthorizationServerMetadata metadata() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint(".well-known/oauth-authorization-server"))
                .build());
        assertEquals(200, response.statusCode());
        return AuthorizationServerMetadata.parse(response.body());
    }

    /** The issuer the example runs with, as its metadata states it. */
    String issuer() throws Exception {
        if (issuer == null) {
            issuer = metadata().getIssuer().getValue();
        }
        return issuer;
    }

    private String issuer;

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    URI endpoint(String path) {
        return base.resolve("/" + path);
    }

    private static String redirect(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 302 || response.statusCode() == 303,
                response.statusCode() + " " + response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
