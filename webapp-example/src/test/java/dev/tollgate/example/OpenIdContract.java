package dev.tollgate.example;

import static dev.tollgate.example.Browser.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.AuthorizationCodeValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The OpenID Connect lines of the contract, walked with the Nimbus OAuth 2.0 SDK's OpenID classes: ID tokens
 * checked by {@link IDTokenValidator} against the published JWK Set for the code, implicit and hybrid flows,
 * {@code at_hash} and {@code c_hash}, {@code form_post}, {@code prompt} and {@code max_age}, remembered
 * consents, UserInfo, refresh, discovery and RP-initiated logout. {@link ExampleIT} runs each check.
 */
final class OpenIdContract {

    static final String CALLBACK = OAuth2Contract.CALLBACK;
    static final String LOGGED_OUT = "http://127.0.0.1:8765/logged-out";
    static final ClientID DEMO_OIDC = new ClientID("demo-oidc");
    static final ClientAuthentication DEMO_OIDC_SECRET = new ClientSecretBasic(DEMO_OIDC, new Secret("demo-oidc-secret"));
    static final Scope OPENID_PROFILE_EMAIL = new Scope("openid", "profile", "email");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private OIDCProviderMetadata metadata;

    OpenIdContract(URI base) {
        this.base = base;
    }

    // ---- discovery and keys ----

    void discoveryMatchesTheOAuthMetadataAndNamesEveryEndpoint() throws Exception {
        HttpResponse<String> discovery = get(".well-known/openid-configuration");
        HttpResponse<String> oauth = get(".well-known/oauth-authorization-server");
        assertEquals(200, discovery.statusCode());
        assertEquals(json(oauth.body()), json(discovery.body()), "the two documents never disagree");
        OIDCProviderMetadata op = metadata();
        String issuer = op.getIssuer().getValue();
        assertEquals(issuer + "/oauth2/jwks", op.getJWKSetURI().toString());
        assertEquals(issuer + "/oauth2/userinfo", op.getUserInfoEndpointURI().toString());
        assertEquals(issuer + "/oauth2/logout", op.getEndSessionEndpointURI().toString());
        assertTrue(op.getSubjectTypes().toString().contains("pairwise"), op.getSubjectTypes().toString());
        assertTrue(op.getIDTokenJWSAlgs().contains(JWSAlgorithm.RS256));
        for (String type : new String[] {"code", "id_token", "id_token token", "code id_token", "code token",
            "code id_token token"}) {
            assertTrue(op.getResponseTypes().contains(ResponseType.parse(type)), type);
        }
        for (ResponseMode mode : new ResponseMode[] {ResponseMode.QUERY, ResponseMode.FRAGMENT, ResponseMode.FORM_POST}) {
            assertTrue(op.getResponseModes().contains(mode), mode.toString());
        }
        assertTrue(op.getClaims().containsAll(java.util.List.of("sub", "name", "email", "email_verified")));
        HttpResponse<String> jwks = get("oauth2/jwks");
        assertTrue(jwks.headers().firstValue("Cache-Control").orElseThrow().contains("max-age="));
        JsonObject keys = json(jwks.body());
        keys.getJsonArray("keys").getValuesAs(JsonObject.class).forEach(key -> {
            assertTrue(key.containsKey("kid"), key.toString());
            assertFalse(key.containsKey("d"), "no private part is published");
        });
    }

    // ---- the flows ----

    void codeFlowGivesAValidIdTokenThenUserInfoAndRefresh() throws Exception {
        Browser alice = Browser.signedIn(base, "alice", "wonderland");
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationSuccessResponse response = authenticate(alice, request("code", nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256).build());
        OIDCTokenResponse tokens = tokenResponse(new AuthorizationCodeGrant(response.getAuthorizationCode(),
                URI.create(CALLBACK), verifier));
        JWT idToken = tokens.getOIDCTokens().getIDToken();
        IDTokenClaimsSet claims = validator().validate(idToken, nonce);
        assertEquals("alice", claims.getSubject().getValue());
        assertNotNull(claims.getAuthenticationTime(), "auth_time of the sign-in");
        AccessTokenValidator.validate(tokens.getOIDCTokens().getAccessToken(), JWSAlgorithm.RS256,
                claims.getAccessTokenHash());

        UserInfo info = userInfo(tokens.getOIDCTokens().getAccessToken());
        assertEquals("alice", info.getSubject().getValue());
        assertEquals("Alice Liddell", info.getName());
        assertEquals("Alice", info.getGivenName());
        assertEquals("Liddell", info.getFamilyName());
        assertEquals("alice@example.com", info.getEmailAddress());
        assertEquals(Boolean.TRUE, info.getEmailVerified());

        OIDCTokenResponse refreshed = tokenResponse(new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()));
        IDTokenClaimsSet again = validator().validate(refreshed.getOIDCTokens().getIDToken(), null);
        assertEquals(claims.getSubject(), again.getSubject(), "Core §12.2: the same sub");
        assertEquals(claims.getAuthenticationTime(), again.getAuthenticationTime(), "and the same auth_time");
        assertEquals("alice", userInfo(refreshed.getOIDCTokens().getAccessToken()).getSubject().getValue());
    }

    void implicitFlowsPutTheIdTokenInTheFragment() throws Exception {
        Browser alice = Browser.signedIn(base, "alice", "wonderland");
        Nonce nonce = new Nonce();
        AuthenticationSuccessResponse idOnly = authenticate(alice, request("id_token", nonce).build());
        assertNull(idOnly.getAccessToken());
        IDTokenClaimsSet claims = validator().validate(idOnly.getIDToken(), nonce);
        assertEquals("Alice Liddell", claims.getStringClaim("name"), "Core §5.4: claims in the ID token without a token");

        Nonce second = new Nonce();
        AuthenticationSuccessResponse withToken = authenticate(alice, request("id_token token", second).build());
        IDTokenClaimsSet tokenClaims = validator().validate(withToken.getIDToken(), second);
        AccessTokenValidator.validate(withToken.getAccessToken(), JWSAlgorithm.RS256, tokenClaims.getAccessTokenHash());
        assertEquals("alice", userInfo(withToken.getAccessToken()).getSubject().getValue());
    }

    void nonceIsRequiredWhereCoreRequiresIt() throws Exception {
        Browser alice = Browser.signedIn(base, "alice", "wonderland");
        for (String type : new String[] {"id_token", "id_token token", "code id_token", "code token",
            "code id_token token"}) {
            State state = new State();
            URI uri = URI.create(endpoint("oauth2/authorize") + "?" + com.nimbusds.oauth2.sdk.util.URLUtils
                    .serializeParameters(Map.of("response_type", java.util.List.of(type), "scope",
                            java.util.List.of(OPENID_PROFILE_EMAIL.toString()), "client_id",
                            java.util.List.of(DEMO_OIDC.getValue()), "redirect_uri", java.util.List.of(CALLBACK),
                            "state", java.util.List.of(state.getValue())))); // Nimbus refuses to build it
            String location = redirect(alice.get(uri.toString()));
            assertTrue(location.startsWith(CALLBACK + "#"), type + ": errors go in the fragment too: " + location);
            AuthenticationErrorResponse error = AuthenticationResponseParser.parse(URI.create(location))
                    .toErrorResponse();
            assertEquals("invalid_request", error.getErrorObject().getCode(), type);
            assertEquals(state, error.getState());
        }
    }

    void hybridFlowsCarryCHashAndTheCodeRedeems() throws Exception {
        Browser alice = Browser.signedIn(base, "alice", "wonderland");
        Nonce nonce = new Nonce();
        AuthenticationSuccessResponse response = authenticate(alice, request("code id_token token", nonce).build());
        IDTokenClaimsSet claims = validator().validate(response.getIDToken(), nonce);
        AuthorizationCodeValidator.validate(response.getAuthorizationCode(), JWSAlgorithm.RS256, claims.getCodeHash());
        AccessTokenValidator.validate(response.getAccessToken(), JWSAlgorithm.RS256, claims.getAccessTokenHash());
        OIDCTokenResponse tokens = tokenResponse(new AuthorizationCodeGrant(response.getAuthorizationCode(),
                URI.create(CALLBACK)));
        IDTokenClaimsSet fromToken = validator().validate(tokens.getOIDCTokens().getIDToken(), nonce);
        assertEquals(claims.getSubject(), fromToken.getSubject());

        Nonce other = new Nonce();
        AuthenticationSuccessResponse codeIdToken = authenticate(alice, request("code id_token", other).build());
        assertNull(codeIdToken.getAccessToken());
        IDTokenClaimsSet codeClaims = validator().validate(codeIdToken.getIDToken(), other);
        AuthorizationCodeValidator.validate(codeIdToken.getAuthorizationCode(), JWSAlgorithm.RS256,
                codeClaims.getCodeHash());
    }

    void formPostAnswersAPageThatPostsTheResponse() throws Exception {
        Browser alice = Browser.signedIn(base, "alice", "wonderland");
        approveOnce(alice);
        State state = new State("<\"state\">");
        URI uri = request("code id_token", new Nonce()).state(state).responseMode(ResponseMode.FORM_POST).build()
                .toURI();
        HttpResponse<String> page = alice.get(uri.toString());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("action=\"" + CALLBACK + "\""), page.body());
        assertTrue(page.body().contains("name=\"id_token\""), page.body());
        assertTrue(page.body().contains("name=\"code\""), page.body());
        assertTrue(page.body().contains("value=\"&lt;&quot;state&quot;&gt;\""), "values are escaped: " + page.body());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'sha256-"), csp);
        assertTrue(csp.contains("form-action http://127.0.0.1:8765"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
    }

    // ---- prompt, max_age and remembered consent ----

    void promptNoneNeedsASessionThenARememberedConsent() throws Exception {
        State state = new State();
        URI none = request("code", new Nonce()).state(state).prompt(Prompt.Type.NONE).build().toURI();
        assertEquals("login_required", errorOf(new Browser(base).get(none.toString())));

        Browser bob = Browser.signedIn(base, "bob", "builder");
        bob.post("/consents/revoke", form("csrf_token", bob.csrf(), "client_id", "demo-oidc"));
        assertEquals("consent_required", errorOf(bob.get(none.toString())));

        approveOnce(bob);
        AuthenticationResponse answered = AuthenticationResponseParser.parse(URI.create(redirect(bob.get(
                none.toString()))));
        assertTrue(answered.indicatesSuccess(), "a remembered consent answers prompt=none at once");
        assertEquals(state, answered.getState());

        String home = bob.get("/").body();
        assertTrue(home.contains("id=\"consents\"") && home.contains("demo-oidc"), home);
        bob.post("/consents/revoke", form("csrf_token", bob.csrf(), "client_id", "demo-oidc"));
        assertFalse(bob.get("/").body().contains("Revoke consent to demo-oidc"));
        assertEquals("consent_required", errorOf(bob.get(none.toString())), "a revoked consent is asked again");

        URI consent = request("code", new Nonce()).prompt(Prompt.Type.CONSENT).build().toURI();
        approveOnce(bob);
        assertEquals(200, bob.get(consent.toString()).statusCode(), "prompt=consent shows the page however remembered");
    }

    void promptLoginAndMaxAgeZeroSignInAgain() throws Exception {
        for (AuthenticationRequest.Builder builder : new AuthenticationRequest.Builder[] {
            request("code", new Nonce()).prompt(Prompt.Type.LOGIN), request("code", new Nonce()).maxAge(0)}) {
            Browser alice = Browser.signedIn(base, "alice", "wonderland");
            String session = alice.sessionId();
            HttpResponse<String> response = alice.get(builder.build().toURI().toString());
            String location = redirect(response);
            assertTrue(location.contains("/login?next="), location);
            String next = Browser.query(URI.create(location)).get("next");
            assertFalse(next.contains("prompt=login") || next.contains("max_age"), "no second sign-in asked: " + next);
            assertTrue(next.contains("nonce="), next);
            HttpResponse<String> home = alice.get("/");
            assertFalse(home.body().contains("Authorized applications"), "the old session " + session + " ended");
        }
    }

    // ---- UserInfo ----

    void userInfoRefusesBadTokensAndTokensWithoutOpenId() throws Exception {
        HttpResponse<String> bad = send(HttpRequest.newBuilder(endpoint("oauth2/userinfo"))
                .header("Authorization", "Bearer not-a-token").build());
        assertEquals(401, bad.statusCode());
        assertTrue(bad.headers().firstValue("WWW-Authenticate").orElseThrow().contains("invalid_token"));

        AccessToken profileOnly = OAuth2Contract.success(new OAuth2Contract(base).token(OAuth2Contract.DEMO_CLIENT,
                new com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant("alice", new Secret("wonderland")),
                new Scope("profile"))).getAccessToken();
        HttpResponse<String> noOpenId = send(HttpRequest.newBuilder(endpoint("oauth2/userinfo"))
                .header("Authorization", profileOnly.toAuthorizationHeader()).build());
        assertEquals(403, noOpenId.statusCode());
        assertTrue(noOpenId.headers().firstValue("WWW-Authenticate").orElseThrow().contains("insufficient_scope"));
    }

    // ---- logout ----

    void logoutWithAHintRedirectsToTheRegisteredAddressWithState() throws Exception {
        Browser alice = Browser.signedIn(base, "alice", "wonderland");
        JWT idToken = idTokenOf(alice);
        State state = new State();
        URI logout = new LogoutRequest(endpoint("oauth2/logout"), idToken, URI.create(LOGGED_OUT), state).toURI();
        URI location = URI.create(redirect(alice.get(logout.toString())));
        assertEquals(LOGGED_OUT, location.getScheme() + "://" + location.getAuthority() + location.getPath());
        assertEquals(state.getValue(), Browser.query(location).get("state"));
        assertFalse(alice.get("/").body().contains("Authorized applications"), "the session ended");
    }

    void logoutWithoutAHintOrToAnUnregisteredAddressAsksAndNeverRedirectsThere() throws Exception {
        Browser alice = Browser.signedIn(base, "alice", "wonderland");
        JWT idToken = idTokenOf(alice);
        URI unregistered = new LogoutRequest(endpoint("oauth2/logout"), idToken, URI.create("https://evil.example/"),
                new State()).toURI();
        HttpResponse<String> page = alice.get(unregistered.toString());
        assertEquals(200, page.statusCode(), "asks the user instead");
        assertTrue(page.body().contains("name=\"confirm\""), page.body());
        HttpResponse<String> confirmed = alice.post("/oauth2/logout", form("csrf_token", alice.csrfOf(page),
                "post_logout_redirect_uri", "https://evil.example/", "id_token_hint", idToken.serialize(),
                "confirm", "true"));
        assertEquals(200, confirmed.statusCode(), "no redirect to an unregistered address");
        assertTrue(confirmed.body().contains("id=\"signed-out\""), confirmed.body());
        assertFalse(alice.get("/").body().contains("Authorized applications"), "the session ended");

        Browser bob = Browser.signedIn(base, "bob", "builder");
        String query = "client_id=demo-oidc&post_logout_redirect_uri=" + LOGGED_OUT + "&state=s1";
        HttpResponse<String> ask = bob.get("/oauth2/logout?" + query);
        assertEquals(200, ask.statusCode(), "no id_token_hint: the user confirms");
        HttpResponse<String> back = bob.post("/oauth2/logout", form("csrf_token", bob.csrfOf(ask), "client_id",
                "demo-oidc", "post_logout_redirect_uri", LOGGED_OUT, "state", "s1", "confirm", "true"));
        URI location = URI.create(redirect(back));
        assertEquals("s1", Browser.query(location).get("state"), "confirmed, back to the registered address");

        HttpResponse<String> forged = new Browser(base).get("/oauth2/logout?id_token_hint=eyJhbGciOiJub25lIn0.e30.");
        assertEquals(400, forged.statusCode(), "a hint not signed here is refused");
    }

    // ---- registration ----

    void registrationAcceptsOpenIdMetadataAndRefusesWhatItCannotHonour() throws Exception {
        HttpResponse<String> created = register("{\"redirect_uris\":[\"https://rp.example/cb\"],"
                + "\"scope\":\"openid profile\",\"id_token_signed_response_alg\":\"ES256\",\"subject_type\":\"pairwise\","
                + "\"default_max_age\":600,\"require_auth_time\":true,"
                + "\"post_logout_redirect_uris\":[\"https://rp.example/bye\"]}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject client = json(created.body());
        assertEquals("ES256", client.getString("id_token_signed_response_alg"));
        assertEquals("pairwise", client.getString("subject_type"));
        assertEquals(600, client.getInt("default_max_age"));
        assertEquals("https://rp.example/bye", client.getJsonArray("post_logout_redirect_uris").getString(0));
        for (String bad : new String[] {"\"id_token_signed_response_alg\":\"none\"", "\"subject_type\":\"secret\"",
            "\"default_max_age\":-1", "\"require_auth_time\":\"yes\"", "\"jwks_uri\":\"http://rp.example/jwks\"",
            "\"sector_identifier_uri\":\"https://rp.example/sector\""}) {
            HttpResponse<String> refused = register("{\"redirect_uris\":[\"https://rp.example/cb\"]," + bad + "}");
            assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
            assertEquals("invalid_client_metadata", json(refused.body()).getString("error"), bad);
        }
    }

    void pairwiseClientsSeeAnotherSubject() throws Exception {
        HttpResponse<String> created = register("{\"redirect_uris\":[\"" + CALLBACK + "\"],\"scope\":\"openid\","
                + "\"subject_type\":\"pairwise\",\"token_endpoint_auth_method\":\"client_secret_basic\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject client = json(created.body());
        ClientID id = new ClientID(client.getString("client_id"));
        Browser alice = Browser.signedIn(base, "alice", "wonderland");
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI uri = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), id, URI.create(CALLBACK))
                .state(new State()).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(endpoint("oauth2/authorize")).build().toURI();
        AuthenticationSuccessResponse response = approve(alice, uri);
        OIDCTokenResponse tokens = tokenResponse(new ClientSecretBasic(id, new Secret(client.getString("client_secret"))),
                new AuthorizationCodeGrant(response.getAuthorizationCode(), URI.create(CALLBACK), verifier));
        IDTokenClaimsSet claims = new IDTokenValidator(new Issuer(metadata().getIssuer()), id, JWSAlgorithm.RS256,
                metadata().getJWKSetURI().toURL()).validate(tokens.getOIDCTokens().getIDToken(), nonce);
        assertNotEquals("alice", claims.getSubject().getValue(), "Core §8.1: not the local subject");
        assertEquals(claims.getSubject(), userInfo(tokens.getOIDCTokens().getAccessToken()).getSubject(),
                "UserInfo gives the same pairwise sub");
    }

    // ---- helpers ----

    private AuthenticationRequest.Builder request(String responseType, Nonce nonce) throws Exception {
        return new AuthenticationRequest.Builder(ResponseType.parse(responseType), OPENID_PROFILE_EMAIL, DEMO_OIDC,
                URI.create(CALLBACK)).state(new State()).nonce(nonce).endpointURI(endpoint("oauth2/authorize"));
    }

    /** The response to a request: at once if the user consented before, else through the consent page. */
    private AuthenticationSuccessResponse authenticate(Browser owner, AuthenticationRequest request) throws Exception {
        AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(redirect(answer(owner,
                request.toURI()))));
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        assertEquals(request.getState(), response.getState());
        assertEquals(metadata().getIssuer(), response.toSuccessResponse().getIssuer());
        return response.toSuccessResponse();
    }

    private AuthenticationSuccessResponse approve(Browser owner, URI request) throws Exception {
        AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(redirect(answer(owner,
                request))));
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse();
    }

    private static HttpResponse<String> answer(Browser owner, URI request) throws Exception {
        HttpResponse<String> page = owner.get(request.toString());
        if (page.statusCode() != 200) {
            return page;
        }
        return owner.post(request.toString(), form("csrf_token", owner.csrfOf(page), "confirm", "true"));
    }

    /** Gives demo-oidc a remembered consent for openid profile email. */
    private void approveOnce(Browser owner) throws Exception {
        authenticate(owner, request("code", new Nonce()).build());
    }

    private JWT idTokenOf(Browser owner) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationSuccessResponse response = authenticate(owner, request("code", new Nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256).build());
        return tokenResponse(new AuthorizationCodeGrant(response.getAuthorizationCode(), URI.create(CALLBACK),
                verifier)).getOIDCTokens().getIDToken();
    }

    private String errorOf(HttpResponse<String> response) throws Exception {
        AuthenticationResponse parsed = AuthenticationResponseParser.parse(URI.create(redirect(response)));
        assertFalse(parsed.indicatesSuccess());
        return parsed.toErrorResponse().getErrorObject().getCode();
    }

    private OIDCTokenResponse tokenResponse(com.nimbusds.oauth2.sdk.AuthorizationGrant grant) throws Exception {
        return tokenResponse(DEMO_OIDC_SECRET, grant);
    }

    private OIDCTokenResponse tokenResponse(ClientAuthentication client, com.nimbusds.oauth2.sdk.AuthorizationGrant grant)
            throws Exception {
        var response = OIDCTokenResponseParser.parse(new TokenRequest(endpoint("oauth2/token"), client, grant)
                .toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    private UserInfo userInfo(AccessToken token) throws Exception {
        UserInfoResponse response = UserInfoResponse.parse(new UserInfoRequest(endpoint("oauth2/userinfo"),
                (BearerAccessToken) token).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse().getUserInfo();
    }

    private IDTokenValidator validator() throws Exception {
        return new IDTokenValidator(metadata().getIssuer(), DEMO_OIDC, JWSAlgorithm.RS256,
                endpoint("oauth2/jwks").toURL());
    }

    private OIDCProviderMetadata metadata() throws Exception {
        if (metadata == null) {
            metadata = OIDCProviderMetadata.parse(get(".well-known/openid-configuration").body());
        }
        return metadata;
    }

    private HttpResponse<String> register(String json) throws Exception {
        return send(HttpRequest.newBuilder(endpoint("oauth2/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(endpoint(path)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI endpoint(String path) {
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
