package dev.tollgate.oidc;

import static dev.tollgate.oidc.OpenIdFixture.ISSUER;
import static dev.tollgate.oidc.OpenIdFixture.REDIRECT_URI;
import static dev.tollgate.oidc.OpenIdFixture.RP;
import static dev.tollgate.oidc.OpenIdFixture.authorizeRequest;
import static dev.tollgate.oidc.OpenIdFixture.formPostParams;
import static dev.tollgate.oidc.OpenIdFixture.json;
import static dev.tollgate.oidc.OpenIdFixture.openIdRequest;
import static dev.tollgate.oidc.OpenIdFixture.redirectParams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Response;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OpenID parameters of an authorization request (Core §3.1.2.1) and its errors (§3.1.2.6). */
class AuthorizationRequestTest {

    private final OpenIdFixture f = new OpenIdFixture();

    /** The error of a code flow request with one more parameter, from the query of the redirect. */
    private Map<String, String> codeFlowError(String name, String value) {
        Map<String, String> query = openIdRequest("code");
        query.put(name, value);
        Map<String, String> redirect = redirectParams(f.authorize(query, f.alice), false);
        assertNull(redirect.get("code"), redirect.toString());
        assertEquals("af0ifjsldkj", redirect.get("state"));
        return redirect;
    }

    private AuthorizationRequest validated(Map<String, String> query) {
        return f.server.validateConsentRequest(authorizeRequest(query));
    }

    private String idTokenOf(String subject) {
        return f.codeFlow(RP, REDIRECT_URI, "openid", dev.tollgate.oauth2.ResourceOwner.of(subject))
                .getString("id_token");
    }

    // ---------------------------------------------------------------- what is kept with the code

    // every value within its own limit, but percent-encoded together more than a code's attributes column holds
    @Test
    void parametersTooLongToKeepAreInvalidRequestNotAServerError() {
        Map<String, String> query = openIdRequest("code");
        query.put("nonce", "\u20ac".repeat(255));
        query.put("login_hint", "\u20ac".repeat(255));
        Map<String, String> error = redirectParams(f.authorize(query, f.alice), false);
        assertEquals("invalid_request", error.get("error"));
        assertNull(error.get("code"));
    }

    // ---------------------------------------------------------------- response modes

    // OAuth 2.0 Multiple Response Type Encoding Practices §5: never the query for a fragment-default type
    @ParameterizedTest
    @ValueSource(strings = {"id_token", "id_token token", "code id_token", "code token", "code id_token token"})
    void responseModeQueryIsRefusedForResponseTypesWithTokensInTheFrontChannel(String responseType) {
        Map<String, String> query = openIdRequest(responseType);
        query.put("response_mode", "query");
        OAuth2Response response = f.authorize(query, f.alice);
        assertNull(java.net.URI.create(response.header("Location")).getRawQuery(), "nothing in the query");
        Map<String, String> fragment = redirectParams(response, true);
        assertEquals("invalid_request", fragment.get("error"));
        assertEquals("af0ifjsldkj", fragment.get("state"));
        assertNull(fragment.get("id_token"));
    }

    @Test
    void responseModeFragmentIsAcceptedForTheCodeFlow() {
        Map<String, String> query = openIdRequest("code");
        query.put("response_mode", "fragment");
        assertNotNull(redirectParams(f.authorize(query, f.alice), true).get("code"));
    }

    @Test
    void formPostAnswersAPageThatPostsTheParametersItself() throws Exception {
        // OAuth 2.0 Form Post Response Mode §2
        String state = "\"><script>alert('x')</script>&amp;";
        Map<String, String> query = openIdRequest("code id_token");
        query.put("response_mode", "form_post");
        query.put("state", state);
        OAuth2Response response = f.authorize(query, f.alice);
        assertEquals(200, response.status());
        assertTrue(response.header("Content-Type").startsWith("text/html"));
        assertEquals("no-store", response.header("Cache-Control"));
        String body = response.body();
        assertTrue(body.contains("<form method=\"post\" action=\"" + REDIRECT_URI + "\">"), body);

        Map<String, String> posted = formPostParams(response);
        assertEquals(Set.of("code", "id_token", "state", "iss"), posted.keySet());
        assertEquals(state, posted.get("state"), "the value round-trips through the escaping");
        assertEquals(ISSUER, posted.get("iss"));
        f.validIdToken(posted.get("id_token"), "n-0S6_WzA2Mj");
        assertEquals(200, f.token(RP, OpenIdFixture.params("grant_type", "authorization_code",
                "code", posted.get("code"), "redirect_uri", REDIRECT_URI)).status());

        // the state is escaped: no markup of the client's own in the page
        assertFalse(body.contains("<script>alert"), body);
        assertFalse(body.contains(state), body);
        assertTrue(body.contains("&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;"), body);

        // the one script allowed by its hash, the form only to the redirect URI's origin
        String csp = response.header("Content-Security-Policy");
        Matcher script = Pattern.compile("<script>(.*?)</script>").matcher(body);
        assertTrue(script.find());
        assertFalse(script.find(), "one script only");
        script.reset().find();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
        assertTrue(csp.contains("script-src 'sha256-" + hash + "'"), csp);
        assertTrue(csp.contains("form-action https://rp.example;"), csp);
        assertTrue(csp.contains("default-src 'none'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
    }

    @Test
    void formPostKeepsThePortOfTheRedirectUrisOrigin() {
        f.clients.add(new OpenIdFixture.Client("rp-port", OpenIdFixture.SECRET, "https://rp.example:8443/cb",
                jakarta.json.JsonValue.EMPTY_JSON_OBJECT));
        Map<String, String> query = openIdRequest("code");
        query.put("client_id", "rp-port");
        query.put("redirect_uri", "https://rp.example:8443/cb");
        query.put("response_mode", "form_post");
        String csp = f.authorize(query, f.alice).header("Content-Security-Policy");
        assertTrue(csp.contains("form-action https://rp.example:8443;"), csp);
    }

    @Test
    void formPostCarriesErrorsToo() {
        Map<String, String> query = openIdRequest("id_token");
        query.remove("nonce");
        query.put("response_mode", "form_post");
        OAuth2Response response = f.authorize(query, f.alice);
        assertEquals(200, response.status());
        Map<String, String> posted = formPostParams(response);
        assertEquals("invalid_request", posted.get("error"));
        assertEquals("af0ifjsldkj", posted.get("state"));
    }

    @Test
    void anUnknownResponseModeIsRefused() {
        assertEquals("invalid_request", codeFlowError("response_mode", "web_message").get("error"));
    }

    // ---------------------------------------------------------------- prompt, max_age, display, hints

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "login unknown", "LOGIN", "login  consent", " login", "none none x"})
    void anUnknownOrMalformedPromptIsInvalidRequest(String prompt) {
        assertEquals("invalid_request", codeFlowError("prompt", prompt).get("error"));
    }

    // Core §3.1.2.1: none with any other value is an error
    @ParameterizedTest
    @ValueSource(strings = {"none login", "consent none", "none select_account"})
    void promptNoneCombinedWithAnotherValueIsInvalidRequest(String prompt) {
        assertEquals("invalid_request", codeFlowError("prompt", prompt).get("error"));
    }

    @Test
    void theValidPromptValuesAreKeptForThePages() {
        Map<String, String> query = openIdRequest("code");
        query.put("prompt", "login consent select_account");
        assertEquals(Set.of("login", "consent", "select_account"), new OpenIdRequest(validated(query)).prompts());
        query.put("prompt", "none");
        assertEquals(Set.of("none"), new OpenIdRequest(validated(query)).prompts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "1.5", "1e3", "0x10", "9999999999", " 60"})
    void aMalformedMaxAgeIsInvalidRequest(String maxAge) {
        assertEquals("invalid_request", codeFlowError("max_age", maxAge).get("error"));
    }

    @Test
    void maxAgeIsKeptInSeconds() {
        Map<String, String> query = openIdRequest("code");
        query.put("max_age", "0060");
        assertEquals(60L, new OpenIdRequest(validated(query)).maxAge());
        query.put("max_age", "0");
        assertEquals(0L, new OpenIdRequest(validated(query)).maxAge());
    }

    @Test
    void theOtherOpenIdParametersAreKeptForThePages() {
        Map<String, String> query = openIdRequest("code");
        query.put("display", "popup");
        query.put("login_hint", "alice@example.com");
        query.put("ui_locales", "fr-CA fr en");
        query.put("claims_locales", "de");
        query.put("acr_values", "urn:mace:silver urn:mace:bronze");
        OpenIdRequest openId = new OpenIdRequest(validated(query));
        assertTrue(openId.isOpenId());
        assertEquals("popup", openId.display());
        assertEquals("alice@example.com", openId.loginHint());
        assertEquals(List.of("fr-CA", "fr", "en"), openId.uiLocales(), "most preferred first");
        assertEquals(List.of("de"), openId.claimsLocales());
        assertEquals(List.of("urn:mace:silver", "urn:mace:bronze"), openId.acrValues());
        assertEquals("n-0S6_WzA2Mj", openId.nonce());
        assertTrue(openId.prompts().isEmpty());
        assertNull(openId.maxAge());
        assertNull(openId.idTokenHintSubject());
    }

    @Test
    void aMalformedOpenIdParameterIsInvalidRequest() {
        assertEquals("invalid_request", codeFlowError("display", "fullscreen").get("error"));
        assertEquals("invalid_request", codeFlowError("ui_locales", "fr\tde").get("error"));
        assertEquals("invalid_request", codeFlowError("login_hint", "a\u0000b").get("error"));
        assertEquals("invalid_request", codeFlowError("nonce", "n".repeat(256)).get("error"));
        assertEquals("invalid_request", codeFlowError("acr_values", "a".repeat(101)).get("error"));
    }

    @Test
    void aNonceOfTheLongestLengthIsEchoed() {
        Map<String, String> query = openIdRequest("id_token");
        query.put("nonce", "n".repeat(255));
        f.validIdToken(redirectParams(f.authorize(query, f.alice), true).get("id_token"), "n".repeat(255));
    }

    // ---------------------------------------------------------------- unsupported and invalid requests

    @Test
    void aRequestObjectIsRequestNotSupported() {
        // Core §3.1.2.6, §6
        assertEquals("request_not_supported", codeFlowError("request", "eyJhbGciOiJub25lIn0.e30.").get("error"));
    }

    @Test
    void aRequestUriIsRequestUriNotSupported() {
        assertEquals("request_uri_not_supported",
                codeFlowError("request_uri", "https://rp.example/request.jwt").get("error"));
    }

    @Test
    void anIdTokenHintSignedElsewhereIsInvalidRequest() throws Exception {
        String kid = OpenIdFixture.parse(idTokenOf("alice")).getHeader().getKeyID();
        RSAKey foreign = (RSAKey) SigningAlgorithms.generate(JWSAlgorithm.RS256, kid, new Date());
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid)
                .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().issuer(ISSUER).subject("alice")
                .audience(RP).build());
        forged.sign(new RSASSASigner(foreign));
        assertEquals("invalid_request", codeFlowError("id_token_hint", forged.serialize()).get("error"),
                "the server's kid, another key");
        String unsigned = new PlainJWT(new JWTClaimsSet.Builder().issuer(ISSUER).subject("alice").build())
                .serialize();
        assertEquals("invalid_request", codeFlowError("id_token_hint", unsigned).get("error"), "alg none");
        assertEquals("invalid_request", codeFlowError("id_token_hint", "not-a-jwt").get("error"));
    }

    @Test
    void anIdTokenHintWithAnAlteredPayloadIsInvalidRequest() {
        String[] parts = idTokenOf("alice").split("\\.");
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject("bob").audience(RP).build().toString().getBytes(StandardCharsets.UTF_8));
        String altered = parts[0] + "." + payload + "." + parts[2];
        assertEquals("invalid_request", codeFlowError("id_token_hint", altered).get("error"));
    }

    @Test
    void aTokenSignedHereForAnotherIssuerIsNoIdTokenHint() {
        String token = new Jwts(f.keys).sign(JWSAlgorithm.RS256, JOSEObjectType.JWT,
                new JWTClaimsSet.Builder().issuer("https://other.example").subject("alice").build());
        assertEquals("invalid_request", codeFlowError("id_token_hint", token).get("error"));
    }

    @Test
    void aValidIdTokenHintIsKeptAsItsSubject() {
        Map<String, String> query = openIdRequest("code");
        query.put("id_token_hint", idTokenOf("alice"));
        assertEquals("alice", new OpenIdRequest(validated(query)).idTokenHintSubject());
    }

    @Test
    void anExpiredIdTokenHintIsStillAHint() {
        // Core §3.1.2.1: the hint may be expired
        String hint = idTokenOf("alice");
        f.clock.advance(java.time.Duration.ofHours(2));
        Map<String, String> query = openIdRequest("code");
        query.put("id_token_hint", hint);
        assertEquals("alice", new OpenIdRequest(validated(query)).idTokenHintSubject());
    }

    @ParameterizedTest
    @ValueSource(strings = {"id_token", "code id_token", "id_token token"})
    void anIdTokenResponseTypeWithoutOpenidIsInvalidScope(String responseType) {
        Map<String, String> query = openIdRequest(responseType);
        query.put("scope", "profile email");
        Map<String, String> fragment = redirectParams(f.authorize(query, f.alice), true);
        assertEquals("invalid_scope", fragment.get("error"));
        assertNull(fragment.get("id_token"));
    }

    @Test
    void anOpenIdRequestWithoutRedirectUriIsInvalidRequest() {
        // Core §3.1.2.1: redirect_uri is REQUIRED, even for a client of one redirect URI
        Map<String, String> query = openIdRequest("code");
        query.remove("redirect_uri");
        Map<String, String> redirect = redirectParams(f.authorize(query, f.alice), false);
        assertEquals("invalid_request", redirect.get("error"));
        assertNull(redirect.get("code"));
        query.put("scope", "profile");
        assertNotNull(redirectParams(f.authorize(query, f.alice), false).get("code"), "plain OAuth 2.0 may omit it");
    }

    @Test
    void anUnregisteredRedirectUriIsNeverRedirected() {
        Map<String, String> query = openIdRequest("id_token");
        query.put("redirect_uri", "https://attacker.example/cb");
        OAuth2Error error = assertThrows(OAuth2Error.class, () -> f.authorize(query, f.alice));
        assertFalse(error.isRedirect());
    }

    // ---------------------------------------------------------------- the claims parameter (Core §5.5)

    @Test
    void claimsForUserInfoAreReturnedBeyondTheScope() {
        Map<String, String> query = openIdRequest("code");
        query.put("scope", "openid");
        query.put("claims", "{\"userinfo\":{\"email\":null}}");
        String code = redirectParams(f.authorize(query, f.alice), false).get("code");
        JsonObject tokens = f.redeem(RP, code, REDIRECT_URI);
        assertEquals("openid", tokens.getString("scope"));
        JsonObject userInfo = json(f.userInfoGet(tokens.getString("access_token")));
        assertEquals("alice@example.com", userInfo.getString("email"));
        assertFalse(userInfo.containsKey("name"), "profile was neither granted nor requested");
        assertFalse(userInfo.containsKey("email_verified"), "only the claim asked for");
        JWTClaimsSet idToken = f.validIdToken(tokens.getString("id_token"), "n-0S6_WzA2Mj");
        assertNull(idToken.getClaim("email"), "asked for UserInfo, not for the ID token");
    }

    @Test
    void claimsForTheIdTokenAreInTheCodeFlowsIdToken() throws Exception {
        Map<String, String> query = openIdRequest("code");
        query.put("claims", "{\"id_token\":{\"name\":{\"essential\":true}}}");
        String code = redirectParams(f.authorize(query, f.alice), false).get("code");
        JsonObject tokens = f.redeem(RP, code, REDIRECT_URI);
        JWTClaimsSet claims = f.validIdToken(tokens.getString("id_token"), "n-0S6_WzA2Mj");
        assertEquals("Alice Liddell", claims.getStringClaim("name"));
        assertNull(claims.getClaim("email"), "only the claim asked for");
        // and in the ID token of a refresh, which keeps the request's claims with the grant
        JWTClaimsSet refreshed = f.validIdToken(f.refresh(RP, tokens.getString("refresh_token"))
                .getString("id_token"), null);
        assertEquals("Alice Liddell", refreshed.getStringClaim("name"));
    }

    @Test
    void claimsForTheIdTokenAreInTheHybridFlowsIdTokens() throws Exception {
        Map<String, String> query = openIdRequest("code id_token token");
        query.put("scope", "openid");
        query.put("claims", "{\"id_token\":{\"family_name\":null}}");
        Map<String, String> fragment = redirectParams(f.authorize(query, f.alice), true);
        assertEquals("Liddell", f.validIdToken(fragment.get("id_token"), "n-0S6_WzA2Mj")
                .getStringClaim("family_name"));
    }

    @Test
    void aMalformedClaimsParameterIsInvalidRequest() {
        assertEquals("invalid_request", codeFlowError("claims", "{\"userinfo\":").get("error"));
        assertEquals("invalid_request", codeFlowError("claims", "[\"email\"]").get("error"));
        assertEquals("invalid_request", codeFlowError("claims", "{\"userinfo\":{\"email\":true}}").get("error"));
    }

    @Test
    void claimsCanNeverOverrideTheProtocolsClaims() throws Exception {
        f.claims.extra.putAll(Map.of("sub", "mallory", "iss", "https://evil.example", "nonce", "evil",
                "aud", "evil-client", "auth_time", 1L, "at_hash", "evil", "exp", 4_102_444_800L, "azp", "evil"));
        Map<String, String> query = openIdRequest("code id_token token");
        query.put("claims", "{\"id_token\":{\"sub\":null,\"iss\":null,\"nonce\":null,\"aud\":null,"
                + "\"auth_time\":null,\"at_hash\":null,\"exp\":null,\"azp\":null},"
                + "\"userinfo\":{\"sub\":null,\"iss\":null}}");
        Map<String, String> fragment = redirectParams(f.authorize(query, f.alice), true);
        for (String idToken : List.of(fragment.get("id_token"),
                f.redeem(RP, fragment.get("code"), REDIRECT_URI).getString("id_token"))) {
            JWTClaimsSet claims = f.validIdToken(idToken, "n-0S6_WzA2Mj");
            assertEquals("alice", claims.getSubject());
            assertEquals(ISSUER, claims.getIssuer());
            assertEquals(List.of(RP), claims.getAudience());
            assertEquals(f.alice.authTime().getEpochSecond(), claims.getLongClaim("auth_time"));
            assertNull(claims.getClaim("azp"));
            assertTrue(claims.getExpirationTime().getTime() < 4_102_444_800_000L);
        }
        JsonObject userInfo = json(f.userInfoGet(fragment.get("access_token")));
        assertEquals("alice", userInfo.getString("sub"));
        assertFalse(userInfo.containsKey("iss"));
    }

    @Test
    void theClaimsSourceIsAskedForTheRequestedClaimsOnly() {
        Map<String, String> query = openIdRequest("id_token");
        query.put("scope", "openid email");
        f.claims.asked.clear();
        f.authorize(query, f.alice);
        assertEquals(List.of(Set.of("email", "email_verified")), f.claims.asked);
    }
}
