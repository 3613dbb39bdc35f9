package dev.tollgate.example;

import static dev.tollgate.example.Browser.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCode;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The contract's "Device authorization (RFC 8628)" lines, walked with the Nimbus OAuth 2.0 SDK's
 * {@code DeviceAuthorizationRequest} and {@code DeviceCodeGrant} for the device and a cookie-keeping
 * {@link Browser} for alice at {@code /device}. Expiry is a unit test ({@code DeviceCodeGrantTest}): the example's
 * lifetime is the default 10 minutes. {@link ExampleIT} runs each check.
 */
final class DeviceContract {

    static final ClientID DEMO_DEVICE = new ClientID("demo-device");

    private final URI base;
    private final OAuth2Contract oauth2;

    DeviceContract(URI base) {
        this.base = base;
        this.oauth2 = new OAuth2Contract(base);
    }

    /** {@code verification_uri} is the issuer's {@code /device}; the other fields are there. */
    void deviceAuthorizationAnswersTheContractFields() throws Exception {
        DeviceAuthorizationSuccessResponse codes = authorize("openid profile");
        assertEquals(URI.create(oauth2.issuer() + "/device"), codes.getVerificationURI());
        assertEquals(URI.create(oauth2.issuer() + "/device?user_code=" + codes.getUserCode().getValue()),
                codes.getVerificationURIComplete());
        assertTrue(codes.getUserCode().getValue().matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}"),
                codes.getUserCode().getValue());
        assertEquals(43, codes.getDeviceCode().getValue().length());
        assertEquals(600, codes.getLifetime());
        assertEquals(5, codes.getInterval());

        AuthorizationServerMetadata metadata = oauth2.metadata();
        assertEquals(URI.create(oauth2.issuer() + "/oauth2/device_authorization"),
                metadata.getDeviceAuthorizationEndpointURI());
        assertTrue(metadata.getGrantTypes().contains(com.nimbusds.oauth2.sdk.GrantType.DEVICE_CODE));
    }

    /**
     * Pending before the decision, slow_down when polled sooner than the interval; the link with the code,
     * approved by alice; tokens (an ID token too, for {@code openid}) once, never twice.
     */
    void pendingThenSlowDownThenTokensOnce() throws Exception {
        DeviceAuthorizationSuccessResponse codes = authorize("openid profile");
        assertError("authorization_pending", poll(codes.getDeviceCode()));
        assertError("slow_down", poll(codes.getDeviceCode()));

        Browser alice = Browser.signedIn(base, "alice", "wonderland");
        HttpResponse<String> consent = alice.get(pathAndQuery(codes.getVerificationURIComplete()));
        assertEquals(200, consent.statusCode(), consent.body());
        assertTrue(consent.body().contains("demo-device"), consent.body());
        assertTrue(consent.body().contains(codes.getUserCode().getValue()), "the code to compare (RFC 8628 §5.4)");
        HttpResponse<String> approved = alice.post("/device", form("csrf_token", alice.csrfOf(consent),
                "user_code", codes.getUserCode().getValue(), "confirm", "true"));
        assertEquals(200, approved.statusCode(), approved.body());
        assertTrue(approved.body().contains("Device connected"), approved.body());

        TokenResponse issued = OIDCTokenResponseParser.parse(poll(codes.getDeviceCode()));
        Tokens tokens = OAuth2Contract.success(issued);
        assertNotNull(tokens.getRefreshToken());
        assertNotNull(((OIDCTokenResponse) issued).getOIDCTokens().getIDToken());
        assertEquals("alice", oauth2.me(tokens.getAccessToken()).getString("username"));
        assertEquals("demo-device", oauth2.me(tokens.getAccessToken()).getString("client_id"));

        assertError("invalid_grant", poll(codes.getDeviceCode()));
    }

    /** The form at {@code /device}, a code typed in lower case without its hyphen, then a denial. */
    void theFormLeadsToConsentAndADenialIsAccessDenied() throws Exception {
        DeviceAuthorizationSuccessResponse codes = authorize("profile");
        Browser bob = Browser.signedIn(base, "bob", "builder");
        HttpResponse<String> page = bob.get("/device");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("name=\"user_code\""), page.body());
        String typed = codes.getUserCode().getValue().replace("-", "").toLowerCase(Locale.ROOT);
        HttpResponse<String> consent = bob.post("/device", form("csrf_token", bob.csrfOf(page), "user_code", typed));
        assertEquals(200, consent.statusCode(), consent.body());
        assertTrue(consent.body().contains("demo-device"), consent.body());
        HttpResponse<String> denied = bob.post("/device", form("csrf_token", bob.csrfOf(consent),
                "user_code", codes.getUserCode().getValue(), "confirm", "no"));
        assertEquals(200, denied.statusCode(), denied.body());
        assertError("access_denied", poll(codes.getDeviceCode()));

        HttpResponse<String> again = bob.post("/device", form("csrf_token", bob.csrfOf(page),
                "user_code", codes.getUserCode().getValue(), "confirm", "true"));
        assertEquals(400, again.statusCode(), "decided once");
        assertError("access_denied", poll(codes.getDeviceCode()));
    }

    /** The page needs a session, and its form the session's CSRF token. */
    void theVerificationPageNeedsASignInAndTheCsrfToken() throws Exception {
        DeviceAuthorizationSuccessResponse codes = authorize("profile");
        Browser nobody = new Browser(base);
        String path = "/device?user_code=" + URLEncoder.encode(codes.getUserCode().getValue(), StandardCharsets.UTF_8);
        HttpResponse<String> login = nobody.get(path);
        assertTrue(login.statusCode() == 302 || login.statusCode() == 303, login.statusCode() + login.body());
        assertEquals(base.resolve("/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8)).toString(),
                base.resolve(login.headers().firstValue("Location").orElseThrow()).toString());

        Browser alice = Browser.signedIn(base, "alice", "wonderland");
        HttpResponse<String> forged = alice.post("/device", form("user_code", codes.getUserCode().getValue(),
                "confirm", "true"));
        assertEquals(403, forged.statusCode());
        assertError("authorization_pending", poll(codes.getDeviceCode()));
    }

    /** Wrong codes are limited per signed-in session; a new session starts afresh. */
    void wrongCodesAreLimitedPerSession() throws Exception {
        DeviceAuthorizationSuccessResponse codes = authorize("profile");
        Browser alice = Browser.signedIn(base, "alice", "wonderland");
        String csrf = alice.csrf();
        for (String wrong : new String[] {"BCDF-GHJK", "bcdfghjk", "XXXX-XXXX", "AEIO-UAEI", "x".repeat(5000)}) {
            HttpResponse<String> refused = alice.post("/device", form("csrf_token", csrf, "user_code", wrong));
            assertEquals(400, refused.statusCode(), wrong);
        }
        HttpResponse<String> limited = alice.post("/device", form("csrf_token", csrf,
                "user_code", codes.getUserCode().getValue()));
        assertEquals(429, limited.statusCode(), "even the right code, once limited");
        assertFalse(limited.body().contains("demo-device"));

        Browser again = Browser.signedIn(base, "alice", "wonderland");
        HttpResponse<String> consent = again.get(pathAndQuery(codes.getVerificationURIComplete()));
        assertEquals(200, consent.statusCode(), consent.body());
        assertTrue(consent.body().contains("demo-device"), consent.body());
    }

    /** Refusals at the device authorization endpoint, and codes that are not the client's. */
    void refusalsAreOAuthErrors() throws Exception {
        assertEquals("invalid_scope", errorOf(new DeviceAuthorizationRequest(oauth2.endpoint("oauth2/device_authorization"),
                DEMO_DEVICE, new Scope("admin")).toHTTPRequest().send()).getCode());
        ErrorObject unauthorized = errorOf(new DeviceAuthorizationRequest(oauth2.endpoint("oauth2/device_authorization"),
                new ClientID("demo-public"), new Scope("profile")).toHTTPRequest().send());
        assertEquals("unauthorized_client", unauthorized.getCode());
        ErrorObject unknown = errorOf(new DeviceAuthorizationRequest(oauth2.endpoint("oauth2/device_authorization"),
                new ClientID("no-such-client"), new Scope("profile")).toHTTPRequest().send());
        assertEquals("invalid_client", unknown.getCode());

        DeviceAuthorizationSuccessResponse codes = authorize("profile");
        TokenResponse asAnother = TokenResponse.parse(new TokenRequest(oauth2.endpoint("oauth2/token"),
                new ClientID("demo-public"), new DeviceCodeGrant(codes.getDeviceCode())).toHTTPRequest().send());
        assertEquals("unauthorized_client", asAnother.toErrorResponse().getErrorObject().getCode());
        assertError("invalid_grant", poll(new DeviceCode("not-a-device-code")));
        assertError("invalid_grant", poll(new DeviceCode("d".repeat(3000))));
    }

    // ---- helpers ----

    DeviceAuthorizationSuccessResponse authorize(String scope) throws Exception {
        DeviceAuthorizationResponse response = DeviceAuthorizationResponse.parse(new DeviceAuthorizationRequest(
                oauth2.endpoint("oauth2/device_authorization"), DEMO_DEVICE, new Scope(scope.split(" ")))
                .toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse();
    }

    HTTPResponse poll(DeviceCode code) throws Exception {
        return new TokenRequest(oauth2.endpoint("oauth2/token"), DEMO_DEVICE, new DeviceCodeGrant(code))
                .toHTTPRequest().send();
    }

    // The issuer's host may be another name of the test's server: the browser keeps its cookies by name.
    private static String pathAndQuery(URI uri) {
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static ErrorObject errorOf(HTTPResponse response) throws Exception {
        DeviceAuthorizationResponse parsed = DeviceAuthorizationResponse.parse(response);
        assertFalse(parsed.indicatesSuccess(), response.getBody());
        return parsed.toErrorResponse().getErrorObject();
    }

    private static void assertError(String code, HTTPResponse response) throws Exception {
        TokenResponse parsed = TokenResponse.parse(response);
        assertFalse(parsed.indicatesSuccess(), response.getBody());
        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals(code, parsed.toErrorResponse().getErrorObject().getCode(), response.getBody());
    }
}
