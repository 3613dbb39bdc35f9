package example.minimal;

import static example.minimal.Http.ALICE;
import static example.minimal.Http.CALLBACK;
import static example.minimal.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The minimal application as built, on Payara Micro at {@code /minimal}: what its thirty lines give, over HTTP.
 * The client {@code app} comes from its configuration, the login from its identity store (HTTP Basic), the
 * endpoints and the consent page from Tollgate's defaults.
 */
@ExtendWith(ArquillianExtension.class)
class MinimalIT {

    static final String ISSUER = "http://localhost:8080/minimal"; // as configured: a proxy's address
    static final String APP = Http.basic("app", "app-secret-0123456789");
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Deployment(testable = false)
    static WebArchive minimal() {
        return ShrinkWrap.create(WebArchive.class, "minimal.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("minimal.war"))));
    }

    @ArquillianResource
    URL base;

    private Http http;

    @BeforeEach
    void browser() {
        http = new Http(base);
    }

    /** The authorization request of the code flow with PKCE. */
    static String authorize(String scope, String state) {
        return "/oauth2/authorize?response_type=code&client_id=app&scope=" + scope + "&state=" + state
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
                + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256";
    }

    /** The code of a granted request, signed in as alice. */
    static String grantedCode(Http http, String authorize) throws Exception {
        HttpResponse<String> page = http.get(authorize, ALICE);
        assertEquals(200, page.statusCode(), page.body());
        HttpResponse<String> granted = http.post(Http.action(page.body()),
                "confirm=true&csrf_token=" + Http.field(page.body(), "csrf_token"), ALICE);
        assertTrue(granted.statusCode() == 302 || granted.statusCode() == 303, granted.body());
        String location = granted.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(CALLBACK + "?") && location.contains("iss="), location);
        return Http.query(location, "code");
    }

    /** The tokens for a code. */
    static JsonObject redeem(Http http, String code) throws Exception {
        HttpResponse<String> token = http.post("/oauth2/token", "grant_type=authorization_code&code=" + code
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + "&code_verifier="
                + VERIFIER, APP);
        assertEquals(200, token.statusCode(), token.body());
        return json(token.body());
    }

    @Test
    void metadataNamesWhatIsMappedUnderTheContextPath() throws Exception {
        JsonObject metadata = json(http.get("/.well-known/oauth-authorization-server", null).body());
        assertEquals(ISSUER, metadata.getString("issuer"));
        assertEquals(ISSUER + "/oauth2/token", metadata.getString("token_endpoint"));
        assertEquals(ISSUER + "/oauth2/authorize", metadata.getString("authorization_endpoint"));
        assertEquals(ISSUER + "/oauth2/revoke", metadata.getString("revocation_endpoint"));
        assertEquals(ISSUER + "/oauth2/introspect", metadata.getString("introspection_endpoint"));
        // open registration and the device flow are off unless configured: never announced as 404s
        assertFalse(metadata.containsKey("registration_endpoint"), metadata.toString());
        assertFalse(metadata.containsKey("device_authorization_endpoint"), metadata.toString());
        assertFalse(metadata.getJsonArray("grant_types_supported").toString().contains("device_code"));
        assertEquals("[\"profile\"]", metadata.getJsonArray("scopes_supported").toString());
    }

    @Test
    void clientCredentialsReachTheProtectedResource() throws Exception {
        HttpResponse<String> token = http.post("/oauth2/token", "grant_type=client_credentials&scope=profile", APP);
        assertEquals(200, token.statusCode(), token.body());
        HttpResponse<String> me = http.get("/api/me", "Bearer " + json(token.body()).getString("access_token"));
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("Hello, null", me.body()); // a client's own token has no resource owner
    }

    @Test
    void noTokenIsAChallengeWithoutErrorInformation() throws Exception {
        HttpResponse<String> me = http.get("/api/me", null);
        assertEquals(401, me.statusCode());
        assertEquals("Bearer realm=\"tollgate\"", me.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals("", me.body()); // RFC 6750 §3.1
        HttpResponse<String> wrong = http.get("/api/me", "Bearer not-a-token");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
    }

    @Test
    void codeFlowWithPkceThroughTheLoginAndTheDefaultConsentPage() throws Exception {
        HttpResponse<String> login = http.get(authorize("profile", "s1"), null);
        assertEquals(401, login.statusCode(), "the application's login asks first");
        assertTrue(login.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));

        HttpResponse<String> page = http.get(authorize("profile", "s1"), ALICE);
        assertTrue(page.body().contains("alice") && page.body().contains("<code>profile</code>"), page.body());
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        HttpResponse<String> forged = http.post(Http.action(page.body()), "confirm=true", ALICE);
        assertEquals(403, forged.statusCode(), "no CSRF token, no code");

        JsonObject tokens = redeem(http, grantedCode(http, authorize("profile", "s1")));
        assertTrue(tokens.containsKey("refresh_token"), tokens.toString());
        HttpResponse<String> me = http.get("/api/me", "Bearer " + tokens.getString("access_token"));
        assertEquals("Hello, alice", me.body());
    }

    @Test
    void denyingSendsAccessDeniedBack() throws Exception {
        HttpResponse<String> page = http.get(authorize("profile", "s2"), ALICE);
        HttpResponse<String> denied = http.post(Http.action(page.body()),
                "confirm=false&csrf_token=" + Http.field(page.body(), "csrf_token"), ALICE);
        String location = denied.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(CALLBACK + "?error=access_denied"), location);
    }

    @Test
    void anUnregisteredRedirectUriIsAnErrorPageNeverARedirect() throws Exception {
        HttpResponse<String> page = http.get("/oauth2/authorize?response_type=code&client_id=app"
                + "&redirect_uri=https%3A%2F%2Fevil.example%2F&code_challenge=" + CHALLENGE
                + "&code_challenge_method=S256", ALICE);
        assertEquals(400, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Location").isEmpty());
        assertTrue(page.body().contains("invalid_request"), page.body());
    }
}
