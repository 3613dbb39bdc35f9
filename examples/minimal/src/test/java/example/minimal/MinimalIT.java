package example.minimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
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
    static final String CALLBACK = "http://127.0.0.1:8765/callback";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Deployment(testable = false)
    static WebArchive minimal() {
        return ShrinkWrap.create(WebArchive.class, "minimal.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("minimal.war"))));
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void metadataNamesWhatIsMappedUnderTheContextPath() throws Exception {
        JsonObject metadata = json(get("/.well-known/oauth-authorization-server", null).body());
        assertEquals(ISSUER, metadata.getString("issuer"));
        assertEquals(ISSUER + "/oauth2/token", metadata.getString("token_endpoint"));
        assertEquals(ISSUER + "/oauth2/authorize", metadata.getString("authorization_endpoint"));
        assertEquals(ISSUER + "/oauth2/revoke", metadata.getString("revocation_endpoint"));
        assertEquals(ISSUER + "/oauth2/introspect", metadata.getString("introspection_endpoint"));
        // open registration and the device flow are off unless configured: never announced as 404s
        assertFalse(metadata.containsKey("registration_endpoint"), metadata.toString());
        assertFalse(metadata.containsKey("device_authorization_endpoint"), metadata.toString());
        assertEquals("[\"profile\"]", metadata.getJsonArray("scopes_supported").toString());
    }

    @Test
    void clientCredentialsReachTheProtectedResource() throws Exception {
        HttpResponse<String> token = post("/oauth2/token", "grant_type=client_credentials&scope=profile",
                basic("app", "app-secret-0123456789"));
        assertEquals(200, token.statusCode(), token.body());
        HttpResponse<String> me = get("/api/me", "Bearer " + json(token.body()).getString("access_token"));
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("Hello, null", me.body()); // a client's own token has no resource owner
    }

    @Test
    void noTokenIsAChallengeWithoutErrorInformation() throws Exception {
        HttpResponse<String> me = get("/api/me", null);
        assertEquals(401, me.statusCode());
        assertEquals("Bearer realm=\"tollgate\"", me.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals("", me.body()); // RFC 6750 §3.1
        HttpResponse<String> wrong = get("/api/me", "Bearer not-a-token");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
    }

    @Test
    void codeFlowWithPkceThroughTheLoginAndTheDefaultConsentPage() throws Exception {
        String authorize = "/oauth2/authorize?response_type=code&client_id=app&scope=profile&state=s1"
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
                + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256";
        HttpResponse<String> login = get(authorize, null);
        assertEquals(401, login.statusCode(), "the application's login asks first");
        assertTrue(login.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));

        String alice = basic("alice", "wonderland");
        HttpResponse<String> page = get(authorize, alice);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("alice"), page.body());
        String csrf = field(page.body(), "csrf_token");
        String action = attribute(page.body(), "action").replace("&amp;", "&");

        HttpResponse<String> refused = postTo(action, "confirm=true", alice);
        assertEquals(403, refused.statusCode(), "no CSRF token, no code");

        HttpResponse<String> granted = postTo(action, "confirm=true&csrf_token=" + csrf, alice);
        assertTrue(granted.statusCode() == 302 || granted.statusCode() == 303, granted.body());
        String location = granted.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(CALLBACK + "?"), location);
        assertTrue(location.contains("state=s1") && location.contains("iss="), location);
        String code = query(location, "code");

        HttpResponse<String> token = post("/oauth2/token", "grant_type=authorization_code&code=" + code
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + "&code_verifier="
                + VERIFIER, basic("app", "app-secret-0123456789"));
        assertEquals(200, token.statusCode(), token.body());
        JsonObject tokens = json(token.body());
        assertTrue(tokens.containsKey("refresh_token"), token.body());
        HttpResponse<String> me = get("/api/me", "Bearer " + tokens.getString("access_token"));
        assertEquals("Hello, alice", me.body());
    }

    @Test
    void denyingSendsAccessDeniedBack() throws Exception {
        String alice = basic("alice", "wonderland");
        String authorize = "/oauth2/authorize?response_type=code&client_id=app&state=s2"
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
                + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256";
        HttpResponse<String> page = get(authorize, alice);
        HttpResponse<String> denied = postTo(attribute(page.body(), "action").replace("&amp;", "&"),
                "confirm=false&csrf_token=" + field(page.body(), "csrf_token"), alice);
        String location = denied.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(CALLBACK + "?error=access_denied"), location);
    }

    @Test
    void anUnregisteredRedirectUriIsAnErrorPageNeverARedirect() throws Exception {
        HttpResponse<String> page = get("/oauth2/authorize?response_type=code&client_id=app"
                + "&redirect_uri=https%3A%2F%2Fevil.example%2F&code_challenge=" + CHALLENGE
                + "&code_challenge_method=S256", basic("alice", "wonderland"));
        assertEquals(400, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Location").isEmpty());
        assertTrue(page.body().contains("invalid_request"), page.body());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // the consent form's action is an absolute path, the context path included
    private HttpResponse<String> postTo(String action, String form, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(action))
                .header("Authorization", authorization).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static String field(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }

    private static String attribute(String html, String name) {
        Matcher matcher = Pattern.compile(name + "=\"([^\"]*)\"").matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }

    private static String query(String location, String name) {
        Matcher matcher = Pattern.compile("[?&]" + name + "=([^&#]*)").matcher(location);
        assertTrue(matcher.find(), location);
        return matcher.group(1);
    }
}
