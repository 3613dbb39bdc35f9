package dev.tollgate.example;

import static dev.tollgate.example.Browser.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import dev.tollgate.common.FormUrlEncoding;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example WAR as built, deployed at the context root on Payara Micro (or on WildFly with {@code -Pwildfly}),
 * walked over HTTP line by line of the contract ({@code example-contract.md}): the resource owner session, the
 * OAuth 1.0a flow driven by ScribeJava for HMAC-SHA1, PLAINTEXT and RSA-SHA1, the error statuses, CSRF,
 * anti-clickjacking headers, the home and developer pages.
 */
@ExtendWith(ArquillianExtension.class)
class ExampleIT {

    @Deployment(testable = false)
    static WebArchive example() {
        // ROOT.war: Payara Micro and WildFly deploy it at "/", as the contract's paths require
        return ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("example.war"))));
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    // ---- health ----

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/api/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("application/json;charset=UTF-8", response.headers().firstValue("Content-Type").orElseThrow()
                .replace(" ", ""));
        assertEquals("UP", json(response.body()).getString("status"));
    }

    // ---- resource owner session ----

    @Test
    void loginPageHasTheContractFields() throws Exception {
        HttpResponse<String> page = new Browser(uri("/")).get("/login?next=%2Fdeveloper");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("name=\"username\""), page.body());
        assertTrue(page.body().contains("name=\"password\""), page.body());
        assertTrue(page.body().contains("name=\"next\" value=\"/developer\""), page.body());
    }

    @Test
    void loginGoesToNextOnlyIfItIsAPathOfThisSite() throws Exception {
        Map<String, String> expected = Map.of(
                "/developer?tab=1&x=%2F", "/developer?tab=1&x=%2F",
                "//evil.example", "/",
                "https://evil.example", "/",
                "/\\evil", "/",
                "", "/");
        for (Map.Entry<String, String> next : expected.entrySet()) {
            Browser browser = new Browser(uri("/"));
            HttpResponse<String> response = browser.post("/login",
                    form("username", "alice", "password", "wonderland", "next", next.getKey()));
            assertRedirect(response);
            assertEquals(next.getValue(), location(response), "next=" + next.getKey());
            assertTrue(browser.hasSessionCookie());
            assertTrue(browser.get("/").body().contains("Signed in as <strong>alice</strong>"));
        }
    }

    @Test
    void signingInAgainSwitchesUserAndSessionId() throws Exception {
        Browser browser = Browser.signedIn(uri("/"), "alice", "wonderland");
        String aliceSession = browser.sessionId();
        HttpResponse<String> again = browser.post("/login", form("username", "bob", "password", "builder", "next", "/"));
        assertRedirect(again);
        assertTrue(browser.get("/").body().contains("Signed in as <strong>bob</strong>"));
        assertFalse(aliceSession.equals(browser.sessionId()), "a new session id after signing in");
    }

    @Test
    void wrongPasswordGivesAnErrorPageAndNoSession() throws Exception {
        Browser browser = new Browser(uri("/"));
        HttpResponse<String> response = browser.post("/login",
                form("username", "alice", "password", "not-her-password", "next", "/"));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Wrong username or password"), response.body());
        assertFalse(browser.hasSessionCookie());
        assertTrue(response.headers().allValues("Set-Cookie").isEmpty(), response.headers().toString());
        assertRedirect(browser.get("/developer"));

        HttpResponse<String> unknown = browser.post("/login", form("username", "mallory", "password", "x", "next", "/"));
        assertTrue(unknown.body().contains("Wrong username or password"));
        assertFalse(browser.hasSessionCookie());
    }

    /** Each failure for an account waits longer; the right password still gets in at once. */
    @Test
    void failedSignInsAreSlowedButTheRightPasswordGetsIn() throws Exception {
        Browser browser = new Browser(uri("/"));
        String account = "guess-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            browser.post("/login", form("username", account, "password", "guess" + i, "next", "/"));
        }
        long started = System.nanoTime();
        HttpResponse<String> fourth = browser.post("/login", form("username", account, "password", "g3", "next", "/"));
        long waited = (System.nanoTime() - started) / 1_000_000;
        assertTrue(fourth.body().contains("Wrong username or password"));
        assertTrue(waited >= 700, "the fourth failure waits 800 ms at least, waited " + waited + " ms");

        // guesses that wait hold nothing: while three wrong ones wait for bob, his right password gets in
        for (int i = 0; i < 3; i++) {
            new Browser(uri("/")).post("/login", form("username", "bob", "password", "not-his-" + i, "next", "/"));
        }
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> guesses = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Browser guesser = new Browser(uri("/"));
            guesses.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return guesser.post("/login", form("username", "bob", "password", "still-not", "next", "/"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        Thread.sleep(300); // the guesses are checked and now wait 800 ms or more each
        Browser bob = new Browser(uri("/"));
        HttpResponse<String> right = bob.post("/login", form("username", "bob", "password", "builder", "next", "/"));
        // on a loaded machine a guess may still be in its password check (2 at once per account): 429, try again
        for (int retry = 0; right.statusCode() == 429 && retry < 20; retry++) {
            Thread.sleep(50);
            right = bob.post("/login", form("username", "bob", "password", "builder", "next", "/"));
        }
        boolean guessesStillWaiting = guesses.stream().anyMatch(guess -> !guess.isDone());
        assertRedirect(right);
        assertTrue(bob.hasSessionCookie());
        assertTrue(guessesStillWaiting, "the right password got in while guesses were still waiting");
        guesses.forEach(java.util.concurrent.CompletableFuture::join);
    }

    @Test
    void crossSiteLoginIsRefused() throws Exception {
        Browser browser = new Browser(uri("/"));
        HttpResponse<String> response = browser.post("/login",
                form("username", "alice", "password", "wonderland", "next", "/"), "Origin", "https://evil.example");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Wrong username or password"));
        assertFalse(browser.hasSessionCookie());
    }

    @Test
    void logoutEndsTheSessionWithTheCsrfTokenOnly() throws Exception {
        Browser alice = Browser.signedIn(uri("/"), "alice", "wonderland");
        assertEquals(200, alice.get("/developer").statusCode());
        assertEquals(403, alice.post("/logout", form()).statusCode());
        assertEquals(403, alice.post("/logout", form("csrf_token", "forged")).statusCode());
        assertEquals(200, alice.get("/developer").statusCode());

        HttpResponse<String> out = alice.post("/logout", form("csrf_token", alice.csrf()));
        assertRedirect(out);
        assertRedirect(alice.get("/developer"));
        assertFalse(alice.get("/").body().contains("Signed in as"));
    }

    @Test
    void authorizationPageWithoutSessionGoesToLoginWithTheOriginalPathAndQuery() throws Exception {
        String original = "/oauth1/authorize?oauth_token=abc%2B1&x=y";
        HttpResponse<String> response = new Browser(uri("/")).get(original);
        assertRedirect(response);
        assertEquals("/login?next=" + URLEncoder.encode(original, StandardCharsets.UTF_8), location(response));

        // after signing in there, the browser comes back to the very same page
        Browser browser = new Browser(uri("/"));
        HttpResponse<String> login = browser.post("/login",
                form("username", "alice", "password", "wonderland", "next", original));
        assertEquals(original, location(login));
    }

    // ---- OAuth 1.0a with an independent client ----

    @Test
    void malformedQueryStringsAre400() throws Exception {
        new OAuth2Contract(URI.create(base())).malformedQueryStringsAre400();
        for (String path : List.of("/oauth1/initiate", "/oauth1/token", "/api/oauth1/me")) {
            RawHttp.Answer answer = RawHttp.send(URI.create(base()), "POST", path + "?x=%zz", "a=b",
                    "Content-Type", "application/x-www-form-urlencoded");
            assertEquals(400, answer.status(), path + ": " + answer.body());
            assertFalse(answer.body().contains("<html"), answer.body());
        }
    }

    @Test
    void aSelfRegisteredClientIsMarkedUnverified() throws Exception {
        new OAuth2Contract(URI.create(base())).aSelfRegisteredClientIsMarkedUnverified();
    }

    @Test
    void theBearerFilterReadsOnlyTheToken() throws Exception {
        new OAuth2Contract(URI.create(base())).theBearerFilterReadsOnlyTheToken();
    }

    @Test
    void hmacSha1Flow() throws Exception {
        threeLegged(OAuth1Client.hmac(base(), OAuth1Client.CALLBACK), "demo-oauth1-client");
    }

    @Test
    void plaintextFlow() throws Exception {
        threeLegged(OAuth1Client.plaintext(base(), OAuth1Client.CALLBACK), "demo-oauth1-client");
    }

    @Test
    void rsaSha1Flow() throws Exception {
        threeLegged(OAuth1Client.rsa(base(), OAuth1Client.CALLBACK), "demo-oauth1-rsa");
    }

    private OAuth1AccessToken threeLegged(OAuth10aService service, String clientId) throws Exception {
        return threeLegged(service, clientId, Browser.signedIn(uri("/"), "alice", "wonderland"), "alice");
    }

    private OAuth1AccessToken threeLegged(OAuth10aService service, String clientId, Browser owner, String user)
            throws Exception {
        OAuth1RequestToken requestToken = service.getRequestToken();
        assertTrue(requestToken.isOauthCallbackConfirmed());

        HttpResponse<String> consent = owner.get(service.getAuthorizationUrl(requestToken));
        assertEquals(200, consent.statusCode(), consent.body());
        assertTrue(consent.body().contains(clientId), consent.body());
        assertClickjackingHeaders(consent);

        HttpResponse<String> granted = owner.post("/oauth1/authorize",
                form("csrf_token", owner.csrfOf(consent), "oauth_token", requestToken.getToken(), "granted", "true"));
        assertRedirect(granted);
        String callback = location(granted);
        assertTrue(callback.startsWith(OAuth1Client.CALLBACK + "?"), callback);
        Map<String, String> query = parse(URI.create(callback).getRawQuery());
        assertEquals(requestToken.getToken(), query.get("oauth_token"));
        assertNotNull(query.get("oauth_verifier"));

        OAuth1AccessToken accessToken = service.getAccessToken(requestToken, query.get("oauth_verifier"));
        try (Response me = OAuth1Client.me(service, base(), accessToken)) {
            assertEquals(200, me.getCode(), me.getBody());
            assertTrue(me.getHeader("Content-Type").replace(" ", "").equalsIgnoreCase("application/json;charset=UTF-8"));
            JsonObject body = json(me.getBody());
            assertEquals(user, body.getString("username"));
            assertEquals(clientId, body.getString("client_id"));
        }
        return accessToken;
    }

    @Test
    void deniedAuthorizationIssuesNoVerifier() throws Exception {
        OAuth10aService service = OAuth1Client.hmac(base(), OAuth1Client.CALLBACK);
        Browser alice = Browser.signedIn(uri("/"), "alice", "wonderland");
        OAuth1RequestToken requestToken = service.getRequestToken();
        HttpResponse<String> consent = alice.get(service.getAuthorizationUrl(requestToken));
        HttpResponse<String> denied = alice.post("/oauth1/authorize",
                form("csrf_token", alice.csrfOf(consent), "oauth_token", requestToken.getToken(), "granted", "no"));
        assertRedirect(denied);
        Map<String, String> query = parse(URI.create(location(denied)).getRawQuery());
        assertEquals("access_denied", query.get("error"));
        assertNull(query.get("oauth_verifier"));
        try (Response exchange = OAuth1Client.exchange(service, base(), requestToken, "guessed")) {
            assertEquals(401, exchange.getCode());
        }
        // and the temporary credential is gone: the consent page cannot be used again
        assertEquals(401, alice.get(service.getAuthorizationUrl(requestToken)).statusCode());
    }

    @Test
    void outOfBandShowsTheVerifierOnAPage() throws Exception {
        OAuth10aService service = OAuth1Client.hmac(base(), "oob");
        Browser alice = Browser.signedIn(uri("/"), "alice", "wonderland");
        OAuth1RequestToken requestToken = service.getRequestToken();
        HttpResponse<String> consent = alice.get(service.getAuthorizationUrl(requestToken));
        HttpResponse<String> page = alice.post("/oauth1/authorize",
                form("csrf_token", alice.csrfOf(consent), "oauth_token", requestToken.getToken(), "granted", "true"));
        assertEquals(200, page.statusCode(), page.body());
        assertClickjackingHeaders(page);
        Matcher verifier = Pattern.compile("id=\"verifier\">([^<]+)<").matcher(page.body());
        assertTrue(verifier.find(), page.body());

        OAuth1AccessToken accessToken = service.getAccessToken(requestToken, verifier.group(1));
        try (Response me = OAuth1Client.me(service, base(), accessToken)) {
            assertEquals(200, me.getCode(), me.getBody());
            assertEquals("alice", json(me.getBody()).getString("username"));
        }
    }

    @Test
    void rsaClientAcceptsOutOfBandToo() throws Exception {
        OAuth10aService service = OAuth1Client.rsa(base(), "oob");
        assertTrue(service.getRequestToken().isOauthCallbackConfirmed());
    }

    @Test
    void unregisteredCallbackIs400() throws Exception {
        OAuth10aService service = OAuth1Client.hmac(base(), "https://evil.example/steal");
        try (Response response = initiate(service, "https://evil.example/steal")) {
            assertEquals(400, response.getCode());
            assertEquals("invalid_request", parse(response.getBody()).get("error"));
            assertFalse(response.getBody().contains("oauth_token"));
        }
    }

    @Test
    void badSignatureIs401() throws Exception {
        OAuth10aService service = OAuth1Client.hmac(base(), "demo-oauth1-client", "wrong-secret", OAuth1Client.CALLBACK);
        try (Response response = initiate(service, OAuth1Client.CALLBACK)) {
            assertEquals(401, response.getCode());
            assertEquals("invalid_signature", parse(response.getBody()).get("error"));
        }
    }

    @Test
    void reusedNonceIs401() throws Exception {
        OAuth10aService service = OAuth1Client.hmac(base(), OAuth1Client.CALLBACK);
        OAuth1AccessToken token = threeLegged(service, "demo-oauth1-client");
        OAuthRequest me = new OAuthRequest(Verb.GET, base() + "api/oauth1/me");
        service.signRequest(token, me);
        String authorization = me.getHeaders().get("Authorization");
        HttpRequest signed = HttpRequest.newBuilder(uri("/api/oauth1/me")).header("Authorization", authorization).build();
        assertEquals(200, http.send(signed, HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> replay = http.send(signed, HttpResponse.BodyHandlers.ofString());
        assertEquals(401, replay.statusCode());
        assertEquals("invalid_nonce", parse(replay.body()).get("error"));
    }

    @Test
    void missingParameterIs400() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/oauth1/initiate"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertEquals("missing_required_parameter", parse(response.body()).get("error"));

        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(uri("/api/oauth1/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unsigned.statusCode());
        assertTrue(unsigned.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("OAuth"));
    }

    // ---- CSRF and clickjacking ----

    @Test
    void consentPostWithoutTheCsrfTokenIsRefused() throws Exception {
        OAuth10aService service = OAuth1Client.hmac(base(), OAuth1Client.CALLBACK);
        Browser alice = Browser.signedIn(uri("/"), "alice", "wonderland");
        OAuth1RequestToken requestToken = service.getRequestToken();
        HttpResponse<String> consent = alice.get(service.getAuthorizationUrl(requestToken));
        String token = alice.csrfOf(consent);

        HttpResponse<String> missing = alice.post("/oauth1/authorize",
                form("oauth_token", requestToken.getToken(), "granted", "true"));
        assertEquals(403, missing.statusCode());
        HttpResponse<String> wrong = alice.post("/oauth1/authorize",
                form("csrf_token", token + "x", "oauth_token", requestToken.getToken(), "granted", "true"));
        assertEquals(403, wrong.statusCode());
        HttpResponse<String> crossSite = alice.post("/oauth1/authorize",
                form("csrf_token", token, "oauth_token", requestToken.getToken(), "granted", "true"),
                "Origin", "https://evil.example");
        assertEquals(403, crossSite.statusCode());
        // another session's token is no good either
        Browser bob = Browser.signedIn(uri("/"), "bob", "builder");
        assertEquals(403, alice.post("/oauth1/authorize",
                form("csrf_token", bob.csrf(), "oauth_token", requestToken.getToken(), "granted", "true")).statusCode());

        // none of them decided anything: the real form still works
        HttpResponse<String> granted = alice.post("/oauth1/authorize",
                form("csrf_token", token, "oauth_token", requestToken.getToken(), "granted", "true"));
        assertRedirect(granted);
    }

    @Test
    void htmlPagesCannotBeFramed() throws Exception {
        Browser anonymous = new Browser(uri("/"));
        assertClickjackingHeaders(anonymous.get("/"));
        assertClickjackingHeaders(anonymous.get("/login"));
        HttpResponse<String> notFound = anonymous.get("/no-such-page");
        assertEquals(404, notFound.statusCode());
        assertClickjackingHeaders(notFound);
        Browser alice = Browser.signedIn(uri("/"), "alice", "wonderland");
        assertClickjackingHeaders(alice.get("/"));
        assertClickjackingHeaders(alice.get("/developer"));
        HttpResponse<String> badToken = alice.get("/oauth1/authorize?oauth_token=unknown");
        assertEquals(401, badToken.statusCode());
        assertClickjackingHeaders(badToken);
        HttpResponse<String> css = anonymous.get("/static/style.css");
        assertEquals(200, css.statusCode());
    }

    // ---- home and developer pages ----

    @Test
    void homeListsTheAuthorizedClientAndRevokes() throws Exception {
        Browser bob = Browser.signedIn(uri("/"), "bob", "builder");
        OAuth10aService service = OAuth1Client.hmac(base(), OAuth1Client.CALLBACK);
        OAuth1AccessToken token = threeLegged(service, "demo-oauth1-client", bob, "bob");

        HttpResponse<String> home = bob.get("/");
        assertTrue(home.body().contains("<code>demo-oauth1-client</code>"), home.body());
        assertTrue(home.body().contains("Demo OAuth 1 client"), home.body());

        assertEquals(403, bob.post("/grants/revoke",
                form("protocol", "OAuth 1.0a", "client_id", "demo-oauth1-client")).statusCode());
        HttpResponse<String> revoked = bob.post("/grants/revoke", form("csrf_token", bob.csrfOf(home),
                "protocol", "OAuth 1.0a", "client_id", "demo-oauth1-client"));
        assertRedirect(revoked);
        assertEquals("/", location(revoked));
        assertFalse(bob.get("/").body().contains("<code>demo-oauth1-client</code>"));
        try (Response me = OAuth1Client.me(service, base(), token)) {
            assertEquals(401, me.getCode(), me.getBody());
        }
    }

    @Test
    void developerRegistersAClientAndSeesItsSecretOnce() throws Exception {
        Browser alice = Browser.signedIn(uri("/"), "alice", "wonderland");
        String csrf = alice.csrfOf(alice.get("/developer"));

        HttpResponse<String> refused = alice.post("/developer", form("csrf_token", csrf, "client_name", "Bad",
                "redirect_uris", "javascript:alert(1)", "rsa_public_key", ""));
        assertEquals(400, refused.statusCode());

        HttpResponse<String> created = alice.post("/developer", form("csrf_token", csrf,
                "client_name", "Alice's <script> app", "redirect_uris", "http://127.0.0.1:9999/cb\nhttps://app.example/cb",
                "rsa_public_key", ""));
        assertEquals(200, created.statusCode(), created.body());
        assertFalse(created.body().contains("<script>"), "escaped");
        String clientId = Browser.idValue(created.body(), "client_id");
        String secret = Browser.idValue(created.body(), "client_secret");

        HttpResponse<String> list = alice.get("/developer");
        assertTrue(list.body().contains(clientId));
        assertFalse(list.body().contains(secret), "the secret is shown once");

        // the new client works with its secret and its registered callback
        OAuth10aService service = OAuth1Client.hmac(base(), clientId, secret, "https://app.example/cb");
        assertTrue(service.getRequestToken().isOauthCallbackConfirmed());
        try (Response unregistered = initiate(OAuth1Client.hmac(base(), clientId, secret, OAuth1Client.CALLBACK),
                OAuth1Client.CALLBACK)) {
            assertEquals(400, unregistered.getCode());
        }
    }

    // ---- OpenID Connect 1.0 (checks in OpenIdContract, and a certified relying party) ----

    /** panva's openid-client, run by Node.js: discovery, code + PKCE + nonce, ID token, UserInfo, refresh. */
    @Test
    void certifiedRelyingPartySignsInReadsUserInfoAndRefreshes() throws Exception {
        RelyingPartyScript.signInReadUserInfoAndRefresh(base);
    }

    @Test
    void discoveryMatchesTheOAuthMetadataAndNamesEveryEndpoint() throws Exception {
        new OpenIdContract(URI.create(base())).discoveryMatchesTheOAuthMetadataAndNamesEveryEndpoint();
    }

    @Test
    void codeFlowGivesAValidIdTokenThenUserInfoAndRefresh() throws Exception {
        new OpenIdContract(URI.create(base())).codeFlowGivesAValidIdTokenThenUserInfoAndRefresh();
    }

    @Test
    void implicitFlowsPutTheIdTokenInTheFragment() throws Exception {
        new OpenIdContract(URI.create(base())).implicitFlowsPutTheIdTokenInTheFragment();
    }

    @Test
    void nonceIsRequiredWhereCoreRequiresIt() throws Exception {
        new OpenIdContract(URI.create(base())).nonceIsRequiredWhereCoreRequiresIt();
    }

    @Test
    void hybridFlowsCarryCHashAndTheCodeRedeems() throws Exception {
        new OpenIdContract(URI.create(base())).hybridFlowsCarryCHashAndTheCodeRedeems();
    }

    @Test
    void formPostAnswersAPageThatPostsTheResponse() throws Exception {
        new OpenIdContract(URI.create(base())).formPostAnswersAPageThatPostsTheResponse();
    }

    @Test
    void promptNoneNeedsASessionThenARememberedConsent() throws Exception {
        new OpenIdContract(URI.create(base())).promptNoneNeedsASessionThenARememberedConsent();
    }

    @Test
    void promptLoginAndMaxAgeZeroSignInAgain() throws Exception {
        new OpenIdContract(URI.create(base())).promptLoginAndMaxAgeZeroSignInAgain();
    }

    @Test
    void userInfoRefusesBadTokensAndTokensWithoutOpenId() throws Exception {
        new OpenIdContract(URI.create(base())).userInfoRefusesBadTokensAndTokensWithoutOpenId();
    }

    @Test
    void logoutWithAHintRedirectsToTheRegisteredAddressWithState() throws Exception {
        new OpenIdContract(URI.create(base())).logoutWithAHintRedirectsToTheRegisteredAddressWithState();
    }

    @Test
    void logoutWithoutAHintOrToAnUnregisteredAddressAsksAndNeverRedirectsThere() throws Exception {
        new OpenIdContract(URI.create(base())).logoutWithoutAHintOrToAnUnregisteredAddressAsksAndNeverRedirectsThere();
    }

    @Test
    void registrationAcceptsOpenIdMetadataAndRefusesWhatItCannotHonour() throws Exception {
        new OpenIdContract(URI.create(base())).registrationAcceptsOpenIdMetadataAndRefusesWhatItCannotHonour();
    }

    @Test
    void pairwiseClientsSeeAnotherSubject() throws Exception {
        new OpenIdContract(URI.create(base())).pairwiseClientsSeeAnotherSubject();
    }

    // ---- the JWT family (checks in JwtContract) ----

    @Test
    void privateKeyJwtAuthenticatesOnceForEachAssertion() throws Exception {
        new JwtContract(URI.create(base())).privateKeyJwtAuthenticatesOnceForEachAssertion();
    }

    @Test
    void clientSecretJwtAuthenticatesWithItsSecret() throws Exception {
        new JwtContract(URI.create(base())).clientSecretJwtAuthenticatesWithItsSecret();
    }

    @Test
    void badAssertionsAreInvalidClient() throws Exception {
        new JwtContract(URI.create(base())).badAssertionsAreInvalidClient();
    }

    @Test
    void jwtBearerGrantGivesATokenForTheNamedUser() throws Exception {
        new JwtContract(URI.create(base())).jwtBearerGrantGivesATokenForTheNamedUser();
    }

    @Test
    void jwtAccessTokensAreVerifiableAndRevocableAtOnce() throws Exception {
        new JwtContract(URI.create(base())).jwtAccessTokensAreVerifiableAndRevocableAtOnce();
    }

    @Test
    void clientManagementReadsReplacesAndDeletesWithTheRegistrationToken() throws Exception {
        new JwtContract(URI.create(base())).clientManagementReadsReplacesAndDeletesWithTheRegistrationToken();
    }

    @Test
    void metadataNamesTheJwtMethodsAndGrant() throws Exception {
        new JwtContract(URI.create(base())).metadataNamesTheJwtMethodsAndGrant();
    }

    // ---- pushed authorization requests (checks in ParContract) ----

    @Test
    void aPushedRequestIsAuthorizedByReferenceOnce() throws Exception {
        new ParContract(URI.create(base())).aPushedRequestIsAuthorizedByReferenceOnce();
    }

    @Test
    void aRequestUriBelongsToTheClientThatPushedIt() throws Exception {
        new ParContract(URI.create(base())).aRequestUriBelongsToTheClientThatPushedIt();
    }

    @Test
    void demoParWithoutAPushIsInvalidRequest() throws Exception {
        new ParContract(URI.create(base())).demoParWithoutAPushIsInvalidRequest();
    }

    @Test
    void pushErrorsAreJsonAndTheMetadataNameTheEndpoint() throws Exception {
        new ParContract(URI.create(base())).pushErrorsAreJsonAndTheMetadataNameTheEndpoint();
    }

    // ---- DPoP (checks in DpopContract) ----

    @Test
    void aBoundTokenWorksWithProofsAndOnlyWithThem() throws Exception {
        new DpopContract(URI.create(base())).aBoundTokenWorksWithProofsAndOnlyWithThem();
    }

    @Test
    void demoDpopWithoutAProofIsRefused() throws Exception {
        new DpopContract(URI.create(base())).demoDpopWithoutAProofIsRefused();
    }

    @Test
    void dpopJktBindsTheCode() throws Exception {
        new DpopContract(URI.create(base())).dpopJktBindsTheCode();
    }

    @Test
    void introspectionShowsTheKeyAndTheMetadataTheAlgorithms() throws Exception {
        new DpopContract(URI.create(base())).introspectionShowsTheKeyAndTheMetadataTheAlgorithms();
    }

    // ---- the device authorization grant (checks in DeviceContract) ----

    @Test
    void deviceAuthorizationAnswersTheContractFields() throws Exception {
        new DeviceContract(URI.create(base())).deviceAuthorizationAnswersTheContractFields();
    }

    @Test
    void devicePendingThenSlowDownThenTokensOnce() throws Exception {
        new DeviceContract(URI.create(base())).pendingThenSlowDownThenTokensOnce();
    }

    @Test
    void deviceFormLeadsToConsentAndADenialIsAccessDenied() throws Exception {
        new DeviceContract(URI.create(base())).theFormLeadsToConsentAndADenialIsAccessDenied();
    }

    @Test
    void deviceVerificationPageNeedsASignInAndTheCsrfToken() throws Exception {
        new DeviceContract(URI.create(base())).theVerificationPageNeedsASignInAndTheCsrfToken();
    }

    @Test
    void deviceWrongCodesAreLimitedPerSession() throws Exception {
        new DeviceContract(URI.create(base())).wrongCodesAreLimitedPerSession();
    }

    @Test
    void deviceRefusalsAreOAuthErrors() throws Exception {
        new DeviceContract(URI.create(base())).refusalsAreOAuthErrors();
    }

    // ---- OAuth 2.0 (checks in OAuth2Contract) ----

    @Test
    void oauth2CodeWithPkceForAConfidentialClient() throws Exception {
        new OAuth2Contract(URI.create(base())).codeWithPkceForAConfidentialClient();
    }

    @Test
    void oauth2CodeWithPkceForAPublicClientThenRefresh() throws Exception {
        new OAuth2Contract(URI.create(base())).codeWithPkceForAPublicClientThenRefresh();
    }

    @Test
    void oauth2PublicClientWithoutPkceIsRefusedByRedirect() throws Exception {
        new OAuth2Contract(URI.create(base())).publicClientWithoutPkceIsRefusedByRedirect();
    }

    @Test
    void oauth2DeniedConsentRedirectsWithAccessDenied() throws Exception {
        new OAuth2Contract(URI.create(base())).deniedConsentRedirectsWithAccessDenied();
    }

    @Test
    void oauth2ImplicitGrantPutsTheTokenInTheFragment() throws Exception {
        new OAuth2Contract(URI.create(base())).implicitGrantPutsTheTokenInTheFragment();
    }

    @Test
    void oauth2UnknownClientOrRedirectUriIsAnErrorPageNeverARedirect() throws Exception {
        new OAuth2Contract(URI.create(base())).unknownClientOrRedirectUriIsAnErrorPageNeverARedirect();
    }

    @Test
    void oauth2OtherErrorsRedirectWithErrorAndState() throws Exception {
        new OAuth2Contract(URI.create(base())).otherErrorsRedirectWithErrorAndState();
    }

    @Test
    void oauth2ClientCredentialsWithFormAuthentication() throws Exception {
        new OAuth2Contract(URI.create(base())).clientCredentialsWithFormAuthentication();
    }

    @Test
    void oauth2PasswordGrant() throws Exception {
        new OAuth2Contract(URI.create(base())).passwordGrant();
    }

    @Test
    void oauth2TokenResponsesAreNotCachedAndBadClientsAre401() throws Exception {
        new OAuth2Contract(URI.create(base())).tokenResponsesAreNotCachedAndBadClientsAre401();
    }

    @Test
    void oauth2RevokedTokenIsRejectedAndInactive() throws Exception {
        new OAuth2Contract(URI.create(base())).revokedTokenIsRejectedAndInactive();
    }

    @Test
    void oauth2ResourceChallengesMissingInvalidAndInsufficientTokens() throws Exception {
        new OAuth2Contract(URI.create(base())).resourceChallengesMissingInvalidAndInsufficientTokens();
    }

    @Test
    void oauth2MetadataNamesEveryEndpoint() throws Exception {
        new OAuth2Contract(URI.create(base())).metadataNamesEveryEndpoint();
    }

    @Test
    void oauth2RegistrationGivesASecretOnceAndDefaults() throws Exception {
        new OAuth2Contract(URI.create(base())).registrationGivesASecretOnceAndDefaults();
    }

    @Test
    void oauth2RegistrationRefusesDangerousRedirectUrisAndMistypedMetadata() throws Exception {
        new OAuth2Contract(URI.create(base())).registrationRefusesDangerousRedirectUrisAndMistypedMetadata();
    }

    @Test
    void oauth2DeveloperRegistersAClientThatWorks() throws Exception {
        new OAuth2Contract(URI.create(base())).developerRegistersAnOAuth2ClientThatWorks();
    }

    // ---- a real browser (ChromiumConsent) ----

    @Test
    void chromiumApprovesThenDeniesAnOAuth2Consent() throws Exception {
        new ChromiumConsent(URI.create(base())).approveThenDeny();
    }

    @Test
    void realBrowserWalksPromptNoneAndLogout() throws Exception {
        new ChromiumConsent(URI.create(base())).openIdPromptNoneThenLogout();
    }

    @Test
    void chromiumApprovesADeviceAtTheVerificationPage() throws Exception {
        new ChromiumConsent(URI.create(base())).deviceVerification();
    }

    // ---- helpers ----

    private Response initiate(OAuth10aService service, String callback) throws Exception {
        OAuthRequest initiate = new OAuthRequest(Verb.POST, base() + "oauth1/initiate");
        initiate.addOAuthParameter("oauth_callback", callback);
        service.signRequest(new OAuth1AccessToken("", ""), initiate);
        return service.execute(initiate);
    }

    private static void assertRedirect(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 302 || response.statusCode() == 303,
                response.statusCode() + " " + response.body());
    }

    private static void assertClickjackingHeaders(HttpResponse<String> response) {
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null), response.uri().toString());
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("")
                .contains("frame-ancestors 'none'"), response.uri().toString());
    }

    /** The Location as a path and query when it points at this server. */
    private String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        String origin = base().substring(0, base().length() - 1);
        return location.startsWith(origin) ? location.substring(origin.length()) : location;
    }


    private static Map<String, String> parse(String encoded) {
        return FormUrlEncoding.parse(encoded).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b));
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private String base() {
        return base.toString();
    }

    private URI uri(String path) {
        return URI.create(base()).resolve(path);
    }
}
