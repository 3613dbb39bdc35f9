package dev.tollgate.oauth1;

import static dev.tollgate.oauth1.OAuth1Fixture.AUTHORIZE_TOKEN;
import static dev.tollgate.oauth1.OAuth1Fixture.CALLBACK_A;
import static dev.tollgate.oauth1.OAuth1Fixture.CLIENT_A;
import static dev.tollgate.oauth1.OAuth1Fixture.CLIENT_B;
import static dev.tollgate.oauth1.OAuth1Fixture.INITIATE;
import static dev.tollgate.oauth1.OAuth1Fixture.SECRET_A;
import static dev.tollgate.oauth1.OAuth1Fixture.SECRET_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three legs of RFC 5849 §2 through {@link OAuth1Server}. */
class OAuth1ServerTest {

    private final OAuth1Fixture fixture = new OAuth1Fixture();

    /** A temporary credential of client A: token and secret. */
    private Map<String, String> initiate(String callback) throws OAuth1Error {
        OAuth1Response response = fixture.server.createTemporaryCredentialResponse(
                fixture.request("POST", INITIATE, CLIENT_A).oauth(OAuthParameters.CALLBACK, callback)
                        .signHmac(SECRET_A, null));
        assertEquals(200, response.status(), response.body());
        return response.formParameters();
    }

    private OAuth1Response exchange(String clientId, String clientSecret, Map<String, String> temporary, String verifier)
            throws OAuth1Error {
        return fixture.server.createTokenResponse(fixture.request("POST", AUTHORIZE_TOKEN, clientId)
                .oauth(OAuthParameters.TOKEN, temporary.get("oauth_token"))
                .oauth(OAuthParameters.VERIFIER, verifier)
                .signHmac(clientSecret, temporary.get("oauth_token_secret")));
    }

    private static String verifierOf(OAuth1Response authorization) {
        String query = authorization.location().orElseThrow();
        return new OAuth1Response(200, Map.of(), query.substring(query.indexOf('?') + 1))
                .formParameters().get("oauth_verifier");
    }

    private static void assertError(String error, int status, OAuth1Response response) {
        assertEquals(status, response.status(), response.body());
        assertEquals(error, response.formParameters().get("error"));
        assertEquals("no-store", response.headers().get("Cache-Control"));
    }

    @Test
    void threeLeggedFlow() throws OAuth1Error {
        OAuth1Response initiated = fixture.server.createTemporaryCredentialResponse(
                fixture.request("POST", INITIATE, CLIENT_A).oauth(OAuthParameters.CALLBACK, CALLBACK_A)
                        .location(ParameterLocation.BODY).signHmac(SECRET_A, null));
        assertEquals(200, initiated.status());
        assertEquals("application/x-www-form-urlencoded", initiated.headers().get("Content-Type"));
        assertEquals("no-store", initiated.headers().get("Cache-Control"));
        assertEquals("no-cache", initiated.headers().get("Pragma"));
        Map<String, String> temporary = initiated.formParameters();
        assertEquals("true", temporary.get("oauth_callback_confirmed"));

        AuthorizationRequest consent = fixture.server.checkAuthorizationRequest(temporary.get("oauth_token"));
        assertEquals(CLIENT_A, consent.client().getClientId());
        assertEquals(CALLBACK_A, consent.credential().getCallback());

        OAuth1Response authorization = fixture.server.createAuthorizationResponse(temporary.get("oauth_token"), "alice");
        assertEquals(302, authorization.status());
        String location = authorization.location().orElseThrow();
        assertTrue(location.startsWith(CALLBACK_A + "?oauth_token=" + temporary.get("oauth_token") + "&oauth_verifier="),
                location);

        OAuth1Response token = exchange(CLIENT_A, SECRET_A, temporary, verifierOf(authorization));
        assertEquals(200, token.status(), token.body());
        Map<String, String> credentials = token.formParameters();
        assertEquals(0, fixture.temporaryCredentials.size());

        ResourceAccess access = fixture.protector.validateRequest(fixture.request("GET", OAuth1Fixture.RESOURCE, CLIENT_A)
                .oauth(OAuthParameters.TOKEN, credentials.get("oauth_token"))
                .signHmac(SECRET_A, credentials.get("oauth_token_secret")));
        assertEquals("alice", access.userId());
    }

    @Test
    void rfc5849Walkthrough() throws OAuth1Error {
        Deque<GeneratedToken> tokens = new ArrayDeque<>(List.of(
                new GeneratedToken("hh5s93j4hdidpola", "hdhd0244k9j7ao03"),
                new GeneratedToken("nnch734d00sl2jdk", "pfkkdhi9sl3r4s00")));
        TokenGenerator rfcValues = new TokenGenerator() {
            @Override
            public GeneratedToken generateToken() {
                return tokens.removeFirst();
            }

            @Override
            public String generateVerifier() {
                return "hfdp7dh39dks9884";
            }
        };
        OAuth1Fixture photos = new OAuth1Fixture(OAuth1Settings.DEFAULT, rfcValues);
        photos.clients.add(TestClient.withSecret("dpf43f3p2l4k3l03", "kd94hf93k423kf44", "http://printer.example.com/ready"));
        photos.clock.advance(Duration.between(photos.clock.instant(), Instant.ofEpochSecond(137131200)));

        OAuth1Response temporary = photos.server.createTemporaryCredentialResponse(
                new SignedRequestBuilder("POST", "https://photos.example.net/initiate").realm("Photos")
                        .oauth("oauth_consumer_key", "dpf43f3p2l4k3l03").oauth("oauth_timestamp", "137131200")
                        .oauth("oauth_nonce", "wIjqoS").oauth("oauth_callback", "http://printer.example.com/ready")
                        .oauth("oauth_signature_method", "HMAC-SHA1").signature("74KNZJeDHnMBp0EMJ9ZHt/XKycU="));
        assertEquals("oauth_token=hh5s93j4hdidpola&oauth_token_secret=hdhd0244k9j7ao03&oauth_callback_confirmed=true",
                temporary.body());

        assertEquals("http://printer.example.com/ready?oauth_token=hh5s93j4hdidpola&oauth_verifier=hfdp7dh39dks9884",
                photos.server.createAuthorizationResponse("hh5s93j4hdidpola", "jane").location().orElseThrow());

        OAuth1Response token = photos.server.createTokenResponse(
                new SignedRequestBuilder("POST", "https://photos.example.net/token").realm("Photos")
                        .oauth("oauth_consumer_key", "dpf43f3p2l4k3l03").oauth("oauth_token", "hh5s93j4hdidpola")
                        .oauth("oauth_timestamp", "137131201").oauth("oauth_nonce", "walatlh")
                        .oauth("oauth_verifier", "hfdp7dh39dks9884")
                        .oauth("oauth_signature_method", "HMAC-SHA1").signature("gKgrFCywp7rO0OXSjdot/IHF7IU="));
        assertEquals("oauth_token=nnch734d00sl2jdk&oauth_token_secret=pfkkdhi9sl3r4s00", token.body());

        ResourceAccess access = photos.protector.validateRequest(
                new SignedRequestBuilder("GET", "http://photos.example.net/photos?file=vacation.jpg&size=original")
                        .realm("Photos").oauth("oauth_consumer_key", "dpf43f3p2l4k3l03")
                        .oauth("oauth_token", "nnch734d00sl2jdk").oauth("oauth_timestamp", "137131202")
                        .oauth("oauth_nonce", "chapoH").oauth("oauth_signature_method", "HMAC-SHA1").signature("MdpQcU8iPSUjWoN/UDMsK2sui9I="));
        assertEquals("jane", access.userId());
    }

    @Test
    void callbackWithAQueryKeepsIt() throws OAuth1Error {
        Map<String, String> temporary = initiate("https://client-a.example/other?x=1");
        String location = fixture.server.createAuthorizationResponse(temporary.get("oauth_token"), "alice")
                .location().orElseThrow();
        assertTrue(location.startsWith("https://client-a.example/other?x=1&oauth_token="), location);
    }

    @Test
    void outOfBandGrantCarriesTheVerifierForAPage() throws OAuth1Error {
        Map<String, String> temporary = initiate("oob");
        OAuth1Response authorization = fixture.server.createAuthorizationResponse(temporary.get("oauth_token"), "alice");
        assertEquals(200, authorization.status());
        assertTrue(authorization.location().isEmpty());
        String verifier = authorization.formParameters().get("oauth_verifier");
        assertNotNull(verifier);
        assertEquals(200, exchange(CLIENT_A, SECRET_A, temporary, verifier).status());
    }

    @Test
    void defaultRedirectUriCountsAsRegistered() throws Exception {
        OAuth1Fixture rsa = new OAuth1Fixture(OAuth1Settings.DEFAULT);
        OAuth1Response response = rsa.server.createTemporaryCredentialResponse(
                rsa.request("POST", INITIATE, OAuth1Fixture.RSA_CLIENT)
                        .oauth(OAuthParameters.CALLBACK, "https://rsa.example/callback")
                        .signRsa(RsaSignatureMethod.RSA_SHA1, RsaKeys.privateKey(Vectors.RSA_2048_PRIVATE_KEY)));
        assertEquals(200, response.status(), response.body());
    }

    @Test
    void temporaryCredentialRequestMustBePost() throws OAuth1Error {
        assertError("method_not_allowed", 405, fixture.server.createTemporaryCredentialResponse(
                fixture.request("GET", INITIATE, CLIENT_A).oauth(OAuthParameters.CALLBACK, CALLBACK_A)
                        .signHmac(SECRET_A, null)));
    }

    @Test
    void callbackIsRequired() throws OAuth1Error {
        assertError("missing_required_parameter", 400, fixture.server.createTemporaryCredentialResponse(
                fixture.request("POST", INITIATE, CLIENT_A).signHmac(SECRET_A, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a uri", "/relative", "ftp://client-a.example/callback", "OOB",
        "https://client-a.example/callback#f"})
    void malformedCallbackIs400(String callback) throws OAuth1Error {
        assertError("invalid_request", 400, fixture.server.createTemporaryCredentialResponse(
                fixture.request("POST", INITIATE, CLIENT_A).oauth(OAuthParameters.CALLBACK, callback)
                        .signHmac(SECRET_A, null)));
        assertEquals(0, fixture.temporaryCredentials.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/callback", "https://client-a.example/callback/",
        "HTTPS://client-a.example/callback", "https://client-a.example/callback?x=1", "https://client-b.example/callback"})
    void unregisteredCallbackIs400AndStoresNothing(String callback) throws OAuth1Error {
        assertError("invalid_request", 400, fixture.server.createTemporaryCredentialResponse(
                fixture.request("POST", INITIATE, CLIENT_A).oauth(OAuthParameters.CALLBACK, callback)
                        .signHmac(SECRET_A, null)));
        assertEquals(0, fixture.temporaryCredentials.size());
    }

    @Test
    void unknownClientOrBadSignatureIs401() throws OAuth1Error {
        assertError("invalid_client", 401, fixture.server.createTemporaryCredentialResponse(
                fixture.request("POST", INITIATE, "nobody").oauth(OAuthParameters.CALLBACK, "oob").signHmac(SECRET_A, null)));
        assertError("invalid_signature", 401, fixture.server.createTemporaryCredentialResponse(
                fixture.request("POST", INITIATE, CLIENT_A).oauth(OAuthParameters.CALLBACK, "oob").signHmac(SECRET_B, null)));
        assertEquals(0, fixture.temporaryCredentials.size());
    }

    @Test
    void checkAuthorizationRequestErrors() throws OAuth1Error {
        assertEquals("missing_required_parameter",
                assertThrows(OAuth1Error.class, () -> fixture.server.checkAuthorizationRequest((String) null)).error());
        OAuth1Request withoutToken = OAuth1Request.from("GET", "https://server.example/authorize", Map.of(), null, null);
        assertEquals("missing_required_parameter",
                assertThrows(OAuth1Error.class, () -> fixture.server.checkAuthorizationRequest(withoutToken)).error());
        OAuth1Error unknown = assertThrows(OAuth1Error.class, () -> fixture.server.checkAuthorizationRequest("nope"));
        assertEquals("invalid_token", unknown.error());
        assertEquals(401, unknown.status());
    }

    @Test
    void checkAuthorizationRequestReadsTheTokenFromTheQuery() throws OAuth1Error {
        String token = initiate(CALLBACK_A).get("oauth_token");
        OAuth1Request consentPage = OAuth1Request.from("GET",
                "https://server.example/authorize?oauth_token=" + token, Map.of(), null, null);
        assertEquals(token, fixture.server.checkAuthorizationRequest(consentPage).credential().getToken());
        assertEquals(302, fixture.server.createAuthorizationResponse(consentPage, "alice").status());
    }

    @Test
    void expiredTemporaryCredentialIsInvalid() throws OAuth1Error {
        String token = initiate(CALLBACK_A).get("oauth_token");
        fixture.clock.advance(fixture.settings.temporaryCredentialLifetime());
        assertEquals("invalid_token",
                assertThrows(OAuth1Error.class, () -> fixture.server.checkAuthorizationRequest(token)).error());
    }

    @Test
    void expiredAuthorizedCredentialCannotBeExchanged() throws OAuth1Error {
        Map<String, String> temporary = initiate(CALLBACK_A);
        String verifier = verifierOf(fixture.server.createAuthorizationResponse(temporary.get("oauth_token"), "alice"));
        fixture.clock.advance(fixture.settings.temporaryCredentialLifetime());
        assertError("invalid_token", 401, exchange(CLIENT_A, SECRET_A, temporary, verifier));
    }

    @Test
    void credentialIsAuthorizedOnlyOnce() throws OAuth1Error {
        String token = initiate(CALLBACK_A).get("oauth_token");
        fixture.server.createAuthorizationResponse(token, "alice");
        assertEquals("invalid_token",
                assertThrows(OAuth1Error.class, () -> fixture.server.createAuthorizationResponse(token, "mallory")).error());
    }

    @Test
    void denialDeletesTheCredentialAndRedirectsWithAccessDenied() throws OAuth1Error {
        Map<String, String> temporary = initiate(CALLBACK_A);
        OAuth1Response denied = fixture.server.createAuthorizationResponse(temporary.get("oauth_token"), null);
        assertEquals(302, denied.status());
        String location = denied.location().orElseThrow();
        assertTrue(location.startsWith(CALLBACK_A + "?error=access_denied&error_description="), location);
        assertTrue(!location.contains("oauth_verifier"));
        assertEquals(0, fixture.temporaryCredentials.size());
        assertError("invalid_token", 401, exchange(CLIENT_A, SECRET_A, temporary, "anything"));
        assertThrows(InvalidTokenError.class,
                () -> fixture.server.createAuthorizationResponse(temporary.get("oauth_token"), "alice"));
    }

    @Test
    void outOfBandDenialIsAnAccessDeniedResponse() throws OAuth1Error {
        Map<String, String> temporary = initiate("oob");
        assertError("access_denied", 400, fixture.server.createAuthorizationResponse(temporary.get("oauth_token"), null));
        assertEquals(0, fixture.temporaryCredentials.size());
    }

    @Test
    void tokenRequestMustBePostAndComplete() throws OAuth1Error {
        Map<String, String> temporary = initiate(CALLBACK_A);
        assertError("method_not_allowed", 405, fixture.server.createTokenResponse(
                fixture.request("GET", AUTHORIZE_TOKEN, CLIENT_A).oauth(OAuthParameters.TOKEN, temporary.get("oauth_token"))
                        .oauth(OAuthParameters.VERIFIER, "v").signHmac(SECRET_A, temporary.get("oauth_token_secret"))));
        assertError("missing_required_parameter", 400, fixture.server.createTokenResponse(
                fixture.request("POST", AUTHORIZE_TOKEN, CLIENT_A).oauth(OAuthParameters.TOKEN, temporary.get("oauth_token"))
                        .signHmac(SECRET_A, temporary.get("oauth_token_secret"))));
        assertError("missing_required_parameter", 400, fixture.server.createTokenResponse(
                fixture.request("POST", AUTHORIZE_TOKEN, CLIENT_A).oauth(OAuthParameters.VERIFIER, "v")
                        .signHmac(SECRET_A, temporary.get("oauth_token_secret"))));
        assertEquals(1, fixture.temporaryCredentials.size());
    }

    @Test
    void unauthorizedCredentialCannotBeExchanged() throws OAuth1Error {
        Map<String, String> temporary = initiate(CALLBACK_A);
        assertError("invalid_token", 401, exchange(CLIENT_A, SECRET_A, temporary, "guess"));
        assertEquals(0, fixture.temporaryCredentials.size());
    }

    @Test
    void wrongVerifierIs401AndBurnsTheCredential() throws OAuth1Error {
        Map<String, String> temporary = initiate(CALLBACK_A);
        String verifier = verifierOf(fixture.server.createAuthorizationResponse(temporary.get("oauth_token"), "alice"));
        assertError("invalid_token", 401, exchange(CLIENT_A, SECRET_A, temporary, verifier + "x"));
        assertError("invalid_token", 401, exchange(CLIENT_A, SECRET_A, temporary, verifier));
        assertEquals(0, fixture.tokenCredentials.size());
    }

    @Test
    void badSignatureBurnsTheCredential() throws OAuth1Error {
        Map<String, String> temporary = initiate(CALLBACK_A);
        String verifier = verifierOf(fixture.server.createAuthorizationResponse(temporary.get("oauth_token"), "alice"));
        assertError("invalid_signature", 401, fixture.server.createTokenResponse(
                fixture.request("POST", AUTHORIZE_TOKEN, CLIENT_A).oauth(OAuthParameters.TOKEN, temporary.get("oauth_token"))
                        .oauth(OAuthParameters.VERIFIER, verifier).signHmac(SECRET_A, "wrong")));
        assertError("invalid_token", 401, exchange(CLIENT_A, SECRET_A, temporary, verifier));
    }

    @Test
    void credentialOfClientAUsedByClientBIs401AndBurned() throws OAuth1Error {
        Map<String, String> temporary = initiate(CALLBACK_A);
        String verifier = verifierOf(fixture.server.createAuthorizationResponse(temporary.get("oauth_token"), "alice"));
        assertError("invalid_token", 401, exchange(CLIENT_B, SECRET_B, temporary, verifier));
        assertError("invalid_token", 401, exchange(CLIENT_A, SECRET_A, temporary, verifier));
        assertEquals(0, fixture.tokenCredentials.size());
    }

    @Test
    void replayedTokenRequestIs401() throws OAuth1Error {
        Map<String, String> temporary = initiate(CALLBACK_A);
        String verifier = verifierOf(fixture.server.createAuthorizationResponse(temporary.get("oauth_token"), "alice"));
        OAuth1Request request = fixture.request("POST", AUTHORIZE_TOKEN, CLIENT_A)
                .oauth(OAuthParameters.TOKEN, temporary.get("oauth_token")).oauth(OAuthParameters.VERIFIER, verifier)
                .signHmac(SECRET_A, temporary.get("oauth_token_secret"));
        assertEquals(200, fixture.server.createTokenResponse(request).status());
        assertError("invalid_token", 401, fixture.server.createTokenResponse(request));
        assertError("invalid_token", 401, exchange(CLIENT_A, SECRET_A, temporary, verifier));
        assertEquals(1, fixture.tokenCredentials.size());
    }
}
