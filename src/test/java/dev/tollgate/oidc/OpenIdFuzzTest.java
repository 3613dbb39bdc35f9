package dev.tollgate.oidc;

import static dev.tollgate.common.JsonSupport.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.common.Identifiers;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.ResourceOwner;
import dev.tollgate.oauth2.Scope;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OpenID Connect parsers of attacker input, fuzzed by Jazzer: the {@code claims} parameter, the OpenID
 * parameters of an authorization request and an RP-initiated logout request. Each may refuse an input only with an
 * {@link OAuth2Error}; what it accepts stays within the limits {@link OpenIdConnect} and {@link ClaimsRequest}
 * document, and a logout redirects only to a URI registered for its client. {@code mvn test} replays any inputs
 * kept under {@code src/test/resources/dev/tollgate/oidc/OpenIdFuzzTestInputs/}; {@code .ci/fuzz.sh} fuzzes
 * each target.
 */
class OpenIdFuzzTest {

    /** ClaimsRequest's claim names: a scope token's characters, 1 to 255 of them. */
    private static final Pattern CLAIM_NAME = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,255}");
    private static final Pattern SPACE_SEPARATED = Pattern.compile("[\\x21-\\x7E]+( [\\x21-\\x7E]+)*");
    /** The ATTRIBUTES columns of TOLLGATE_OAUTH2_CODE and TOLLGATE_OAUTH2_TOKEN, where attributes are kept. */
    private static final int ATTRIBUTES_COLUMN = 4000;
    private static final Set<String> KNOWN_ATTRIBUTES = Set.of(OpenIdRequest.NONCE, OpenIdRequest.MAX_AGE,
            OpenIdRequest.PROMPT, OpenIdRequest.DISPLAY, OpenIdRequest.LOGIN_HINT, OpenIdRequest.ID_TOKEN_HINT_SUBJECT,
            OpenIdRequest.UI_LOCALES, OpenIdRequest.CLAIMS_LOCALES, OpenIdRequest.ACR_VALUES,
            OpenIdRequest.USERINFO_CLAIMS, OpenIdRequest.ID_TOKEN_CLAIMS, "code_challenge", "code_challenge_method");
    private static final Set<String> PROMPTS = Set.of("none", "login", "consent", "select_account");
    private static final Set<String> DISPLAYS = Set.of("page", "popup", "touch", "wap");
    /** The claims parameter's members, and individual claim requests (Core §5.5.1), valid and not. */
    private static final List<String> MEMBERS = List.of("userinfo", "id_token", "other");
    private static final List<String> INDIVIDUAL_REQUESTS = List.of("null", "{}", "{\"essential\":true}",
            "{\"value\":\"x\",\"values\":[1,2]}", "true", "\"x\"", "[]", "1e999", "{\"a\":{\"b\":[{}]}}");

    // ---------------------------------------------------------------- claims

    @FuzzTest
    void claimsParameter(FuzzedDataProvider data) {
        String parameter = claimsText(data);
        ClaimsRequest request;
        try {
            request = ClaimsRequest.parse(parameter);
        } catch (OAuth2Error refused) {
            assertEquals(OAuth2Error.INVALID_REQUEST, refused.error(), refused.toString());
            assertEquals(400, refused.status());
            return;
        }
        assertTrue(parameter.length() <= ClaimsRequest.MAX_LENGTH);
        checkNames(request.userInfo());
        checkNames(request.idToken());
    }

    /**
     * Text for the {@code claims} parameter: the rest of the input as it is, or a JSON object shaped as Core §5.5
     * gives it (members, claim names, individual requests) from fuzzed parts, so that the names are reached without
     * the fuzzer, which does not see inside the JSON parser, having to find JSON by itself.
     */
    private static String claimsText(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            return data.consumeRemainingAsString();
        }
        StringBuilder json = new StringBuilder("{");
        int members = data.consumeInt(0, 3);
        for (int m = 0; m < members; m++) {
            json.append(m == 0 ? "" : ",").append(jsonString(data, data.pickValue(MEMBERS))).append(':');
            switch (data.consumeInt(0, 3)) {
                case 0 -> json.append("null");
                case 1 -> json.append(data.consumeString(20));
                default -> {
                    json.append('{');
                    int claims = data.consumeInt(0, ClaimsRequest.MAX_CLAIMS + 6);
                    for (int c = 0; c < claims; c++) {
                        String name = switch (data.consumeInt(0, 2)) {
                            case 0 -> data.consumeAsciiString(300);
                            case 1 -> data.consumeString(300);
                            default -> repeated(data, 300);
                        };
                        json.append(c == 0 ? "" : ",").append(jsonString(data, name)).append(':')
                                .append(data.pickValue(INDIVIDUAL_REQUESTS));
                    }
                    json.append('}');
                }
            }
        }
        return json.append('}').toString();
    }

    /** A JSON string literal, escaped, or now and then not. */
    private static String jsonString(FuzzedDataProvider data, String value) {
        return data.consumeBoolean() ? JSON.createValue(value).toString() : "\"" + value + "\"";
    }

    private static void checkNames(Set<String> names) {
        assertTrue(names.size() <= ClaimsRequest.MAX_CLAIMS, names.toString());
        for (String name : names) {
            assertTrue(CLAIM_NAME.matcher(name).matches(), name);
        }
        String kept = Scope.format(names);
        assertTrue(kept.length() <= ClaimsRequest.MAX_NAMES_LENGTH, kept);
        assertEquals(names, Scope.parse(kept), "kept as a scope string, read back the same");
    }

    // ---------------------------------------------------------------- authorization requests

    /** An OpenID provider shared by the inputs, made again now and then so that its in-memory stores stay small. */
    private static final class Provider {

        private static final int USES = 5000;
        private static Provider current;

        final OpenIdFixture f = new OpenIdFixture();
        final Jwts jwts = new Jwts(f.keys);
        final ResourceOwner alice = f.alice;
        /** ID tokens this server issued: for RP, for the pairwise RP, for bob. */
        final String aliceForRp = idToken(OpenIdFixture.RP, OpenIdFixture.REDIRECT_URI, "alice");
        final String aliceForPairwise = idToken(OpenIdFixture.RP_PAIRWISE, "https://rp.example/cb2", "alice");
        final String bobForRp = idToken(OpenIdFixture.RP, OpenIdFixture.REDIRECT_URI, "bob");
        /** Signed by another key under the kid of this server's key; and the same token unsigned. */
        final String forged;
        final String unsigned;
        int uses;

        Provider() {
            try {
                SignedJWT genuine = SignedJWT.parse(aliceForRp);
                RSAKey other = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
                SignedJWT copy = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(genuine.getHeader().getKeyID()).type(JOSEObjectType.JWT).build(),
                        genuine.getJWTClaimsSet());
                copy.sign(new RSASSASigner(other));
                forged = copy.serialize();
                unsigned = Base64URL.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                        + genuine.getParsedParts()[1] + ".";
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private String idToken(String clientId, String redirectUri, String subject) {
            return f.codeFlow(clientId, redirectUri, "openid", ResourceOwner.of(subject)).getString("id_token");
        }

        static synchronized Provider get() {
            if (current == null || ++current.uses > USES) {
                current = new Provider();
            }
            return current;
        }

        /** Null (not sent), one of the hints above, one of them altered at one place, or fuzzed text. */
        String hint(FuzzedDataProvider data) {
            return switch (data.consumeInt(0, 7)) {
                case 0 -> null;
                case 1 -> aliceForRp;
                case 2 -> aliceForPairwise;
                case 3 -> bobForRp;
                case 4 -> forged;
                case 5 -> unsigned;
                case 6 -> {
                    String token = data.pickValue(List.of(aliceForRp, aliceForPairwise, bobForRp));
                    int at = data.consumeInt(0, token.length() - 1);
                    yield token.substring(0, at) + data.consumeChar() + token.substring(at + 1);
                }
                default -> data.consumeString(3000);
            };
        }
    }

    /** Null (not sent), one of the values, or fuzzed text of at most {@code max} characters. */
    private static String param(FuzzedDataProvider data, int max, String... values) {
        int pick = data.consumeInt(0, values.length + 2);
        if (pick == 0) {
            return null;
        }
        if (pick <= values.length) {
            return values[pick - 1];
        }
        return pick == values.length + 1 ? data.consumeString(max) : repeated(data, max);
    }

    /** A few fuzzed characters repeated up to {@code max} characters: long values from short inputs. */
    private static String repeated(FuzzedDataProvider data, int max) {
        int length = data.consumeInt(1, max);
        String unit = data.consumeString(4);
        return unit.isEmpty() ? "" : unit.repeat(length / unit.length() + 1).substring(0, length);
    }

    @FuzzTest
    void authorizationRequest(FuzzedDataProvider data) {
        Provider p = Provider.get();
        OpenIdFixture f = p.f;
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", param(data, 40, OpenIdFixture.RP, OpenIdFixture.RP_PAIRWISE, OpenIdFixture.RP_SIGNED));
        query.put("redirect_uri", param(data, 100, OpenIdFixture.REDIRECT_URI, "https://rp.example/cb2",
                "https://signed-rp.example/cb", OpenIdFixture.OTHER_REDIRECT_URI));
        query.put("response_type", param(data, 30, "code", "token", "id_token", "id_token token", "code id_token",
                "code token", "code id_token token"));
        query.put("response_mode", param(data, 20, "query", "fragment", "form_post"));
        query.put("scope", param(data, 60, "openid", "openid profile email", "profile"));
        query.put("state", param(data, 100, "af0ifjsldkj"));
        query.put("nonce", param(data, 300, "n-0S6_WzA2Mj"));
        query.put("prompt", param(data, 80, "none", "login", "consent", "select_account", "login consent"));
        query.put("max_age", param(data, 12, "0", "3600", "999999999", "1000000000"));
        query.put("display", param(data, 10, "page", "popup", "touch", "wap"));
        query.put("login_hint", param(data, 300, "alice@example.com"));
        query.put("ui_locales", param(data, 120, "en", "fr-CA fr en"));
        query.put("claims_locales", param(data, 120, "de"));
        query.put("acr_values", param(data, 120, "urn:mace:incommon:iap:silver"));
        query.put("code_challenge", param(data, 130, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        String hint = p.hint(data);
        query.put("id_token_hint", hint);
        query.put("claims", data.consumeBoolean() ? null : claimsText(data));
        query = sent(query);
        hint = query.get("id_token_hint");

        String clientId = query.get("client_id");
        OAuth2Client client = clientId == null ? null : f.clients.find(clientId).orElse(null);
        AuthorizationRequest request;
        try {
            request = f.server.validateConsentRequest(OpenIdFixture.authorizeRequest(query));
        } catch (OAuth2Error refused) {
            checkRefusal(refused, client);
            return;
        }
        assertNotNull(client, "only a known client's request is valid");
        assertTrue(client.getRedirectUris().contains(request.redirectUri()), request.redirectUri());
        checkAttributes(request, hint, p.jwts);

        // what the application's pages read from it, and the response it gets
        try {
            Interaction needed = p.f.provider.interaction(request, p.alice);
            assertNotNull(needed);
            new OpenIdRequest(request).uiLocales();
            new OpenIdRequest(request).idTokenClaims();
        } catch (OAuth2Error refused) {
            checkRefusal(refused, client);
            assertTrue(refused.isRedirect(), "login_required and consent_required go back to the client");
        }
        OAuth2Response response = f.server.createAuthorizationResponse(request, p.alice);
        assertTrue(response.status() == 303 || response.status() == 200, response + " " + response.body());
        if (response.status() == 303) {
            assertTrue(response.header("Location").startsWith(request.redirectUri()), response.header("Location"));
        }
    }

    /**
     * The parameters as the server reads them: form-encoded (a lone surrogate becomes {@code ?}) and decoded, an
     * empty one the same as one not sent (RFC 6749 §3.1).
     */
    private static Map<String, String> sent(Map<String, String> params) {
        Map<String, String> read = new LinkedHashMap<>();
        FormUrlEncoding.parse(FormUrlEncoding.format(params)).forEach(pair -> {
            if (!pair.getValue().isEmpty()) {
                read.put(pair.getKey(), pair.getValue());
            }
        });
        return read;
    }

    private static void checkRefusal(OAuth2Error refused, OAuth2Client client) {
        assertTrue(refused.status() >= 400 && refused.status() < 500, refused.toString());
        if (refused.isRedirect()) {
            assertNotNull(client, "an unknown client's error is never redirected");
            assertTrue(client.getRedirectUris().contains(refused.redirectUri()),
                    "redirected only to a registered URI: " + refused.redirectUri());
        }
    }

    private static void checkAttributes(AuthorizationRequest request, String hint, Jwts jwts) {
        Map<String, String> attributes = request.attributes();
        assertTrue(KNOWN_ATTRIBUTES.containsAll(attributes.keySet()), attributes.keySet().toString());
        if (!request.scope().contains(OpenIdRequest.OPENID)) {
            assertTrue(Set.of("code_challenge", "code_challenge_method").containsAll(attributes.keySet()),
                    "an OAuth 2.0 request without openid keeps no OpenID parameter: " + attributes.keySet());
            return;
        }
        attributes.forEach((name, value) -> assertTrue(Identifiers.hasNoControlCharacter(value), name));
        String nonce = attributes.get(OpenIdRequest.NONCE);
        assertTrue(nonce == null || !nonce.isEmpty() && nonce.length() <= AuthenticationRequestValidator.MAX_NONCE, "nonce");
        String loginHint = attributes.get(OpenIdRequest.LOGIN_HINT);
        assertTrue(loginHint == null || !loginHint.isEmpty() && loginHint.length() <= AuthenticationRequestValidator.MAX_HINT,
                "login_hint");
        String prompt = attributes.get(OpenIdRequest.PROMPT);
        if (prompt != null) {
            List<String> prompts = List.of(prompt.split(" ", -1));
            assertTrue(prompt.length() <= 64 && PROMPTS.containsAll(prompts), prompt);
            assertTrue(!prompts.contains("none") || prompts.size() == 1, prompt);
            assertEquals(prompts.size(), Set.copyOf(prompts).size(), prompt);
        }
        String maxAge = attributes.get(OpenIdRequest.MAX_AGE);
        assertTrue(maxAge == null || maxAge.matches("0|[1-9][0-9]{0,8}"), maxAge);
        String display = attributes.get(OpenIdRequest.DISPLAY);
        assertTrue(display == null || DISPLAYS.contains(display), display);
        for (String tags : new String[] {OpenIdRequest.UI_LOCALES, OpenIdRequest.CLAIMS_LOCALES,
            OpenIdRequest.ACR_VALUES}) {
            String value = attributes.get(tags);
            assertTrue(value == null || value.length() <= AuthenticationRequestValidator.MAX_LOCALES
                    && SPACE_SEPARATED.matcher(value).matches(), tags + ": " + value);
        }
        for (String claims : new String[] {OpenIdRequest.USERINFO_CLAIMS, OpenIdRequest.ID_TOKEN_CLAIMS}) {
            String value = attributes.get(claims);
            if (value != null) {
                assertFalse(value.isEmpty(), claims);
                checkNames(Scope.parse(value));
                assertEquals(value, Scope.format(Scope.parse(value)), claims);
            }
        }
        String hintSubject = attributes.get(OpenIdRequest.ID_TOKEN_HINT_SUBJECT);
        if (hintSubject != null) {
            assertNotNull(hint);
            try {
                JWTClaimsSet claims = jwts.verify(hint);
                assertEquals(OpenIdFixture.ISSUER, claims.getIssuer());
                assertEquals(claims.getSubject(), hintSubject);
            } catch (ParseException e) {
                throw new AssertionError("a hint this server did not sign was kept", e);
            }
        } else if (hint != null) {
            throw new AssertionError("a hint was sent, accepted and its subject not kept");
        }
        // kept form-encoded with the code (and the claims with the token): they must fit and read back the same
        String encoded = FormUrlEncoding.format(attributes);
        assertEquals(List.copyOf(attributes.entrySet()), FormUrlEncoding.parse(encoded), "read back the same");
        assertTrue(encoded.length() <= ATTRIBUTES_COLUMN, "the attributes need " + encoded.length()
                + " characters; their columns hold " + ATTRIBUTES_COLUMN);
    }

    // ---------------------------------------------------------------- logout

    @FuzzTest
    void logoutRequest(FuzzedDataProvider data) {
        Provider p = Provider.get();
        OpenIdFixture f = p.f;
        Map<String, String> params = new LinkedHashMap<>();
        String hint = p.hint(data);
        params.put("id_token_hint", hint);
        params.put("client_id", param(data, 300, OpenIdFixture.RP, OpenIdFixture.RP_PAIRWISE,
                OpenIdFixture.RP_SIGNED));
        params.put("post_logout_redirect_uri", param(data, 200, OpenIdFixture.LOGOUT_URI,
                OpenIdFixture.LOGOUT_URI_WITH_QUERY, OpenIdFixture.LOGOUT_URI + "/", "https://RP.example/logged-out",
                OpenIdFixture.LOGOUT_URI + "#x", OpenIdFixture.LOGOUT_URI + "?state=injected",
                OpenIdFixture.REDIRECT_URI));
        params.put("ui_locales", param(data, 120, "en", "fr-CA  fr"));
        boolean post = data.consumeBoolean();
        params.put("state", data.consumeBoolean() ? null : data.consumeRemainingAsString());
        Map<String, String> sent = sent(params);
        hint = sent.get("id_token_hint");

        LogoutRequest logout;
        try {
            OAuth2Request http = post ? OpenIdFixture.postForm("/oauth2/logout", params, null)
                    : OpenIdFixture.get("/oauth2/logout?" + FormUrlEncoding.format(params), Map.of());
            logout = f.provider.validateLogoutRequest(http);
        } catch (OAuth2Error refused) {
            assertEquals(OAuth2Error.INVALID_REQUEST, refused.error(), refused.toString());
            assertEquals(400, refused.status());
            assertFalse(refused.isRedirect(), "never redirected");
            return;
        }
        OAuth2Client client = logout.client();
        if (client != null) {
            assertTrue(f.clients.find(client.getClientId()).isPresent());
            String sentClientId = sent.get("client_id");
            assertTrue(sentClientId == null || sentClientId.equals(client.getClientId()),
                    "the client sent, which is the hint's audience when both are");
        }
        if (logout.hintSubject() != null) {
            assertNotNull(client, "a valid hint names its client");
            try {
                JWTClaimsSet claims = p.jwts.verify(hint);
                assertEquals(claims.getSubject(), logout.hintSubject());
                assertEquals(List.of(client.getClientId()), claims.getAudience());
            } catch (ParseException e) {
                throw new AssertionError("a hint this server did not sign was accepted", e);
            }
        }
        String uri = logout.postLogoutRedirectUri();
        OAuth2Response redirect = logout.redirect();
        if (uri == null) {
            assertNull(redirect);
            assertFalse(logout.canRedirect());
        } else {
            assertNotNull(client, "no redirect without a client");
            assertTrue(new OpenIdClient(client).postLogoutRedirectUris().contains(uri), "registered: " + uri);
            assertEquals(sent.get("post_logout_redirect_uri"), uri);
            String location = redirect.header("Location");
            assertEquals(303, redirect.status());
            assertTrue(Identifiers.hasNoControlCharacter(location), location);
            String state = sent.get("state");
            String expected = state == null ? uri
                    : uri + (uri.contains("?") ? "&" : "?") + FormUrlEncoding.format(Map.of("state", state));
            assertEquals(expected, location, "the registered URI, with the state only");
        }
        assertTrue(!logout.canRedirect() || logout.hintSubject() != null && uri != null);
        for (String tag : logout.uiLocales()) {
            assertFalse(tag.contains(" "), tag);
        }
        if (client != null) {
            p.f.provider.isHintFor(logout, "alice");
        }
    }
}
