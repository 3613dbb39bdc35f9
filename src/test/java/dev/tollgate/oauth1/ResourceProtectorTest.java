package dev.tollgate.oauth1;

import static dev.tollgate.oauth1.OAuth1Fixture.CLIENT_A;
import static dev.tollgate.oauth1.OAuth1Fixture.CLIENT_B;
import static dev.tollgate.oauth1.OAuth1Fixture.RESOURCE;
import static dev.tollgate.oauth1.OAuth1Fixture.SECRET_A;
import static dev.tollgate.oauth1.OAuth1Fixture.SECRET_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Signed requests to protected resources, and every way they fail (RFC 5849 §3.2). */
class ResourceProtectorTest {

    private static final String TOKEN_SECRET = "token-secret-a";

    private OAuth1Fixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new OAuth1Fixture();
        fixture.tokenForA();
    }

    private OAuth1Error rejected(OAuth1Request request) {
        return rejected(fixture, request);
    }

    private static OAuth1Error rejected(OAuth1Fixture fixture, OAuth1Request request) {
        return assertThrows(OAuth1Error.class, () -> fixture.protector.validateRequest(request));
    }

    private static void assertError(String error, int status, OAuth1Error actual) {
        assertEquals(error, actual.error(), actual.description());
        assertEquals(status, actual.status());
    }

    @ParameterizedTest
    @EnumSource(ParameterLocation.class)
    void acceptsASignedRequestFromEachLocation(ParameterLocation location) throws OAuth1Error {
        OAuth1Request request = fixture.request("POST", RESOURCE + "?q=a&q=b", CLIENT_A)
                .oauth(OAuthParameters.TOKEN, "token-a").bodyParameter("x", "1").bodyParameter("x", "0")
                .location(location).signHmac(SECRET_A, TOKEN_SECRET);
        ResourceAccess access = fixture.protector.validateRequest(request);
        assertEquals("alice", access.userId());
        assertEquals(CLIENT_A, access.client().getClientId());
        assertEquals("token-a", access.credential().getToken());
    }

    @Test
    void missingParametersAre400() throws OAuth1Error {
        assertError("missing_required_parameter", 400, rejected(fixture.resourceRequestA()
                .oauth(OAuthParameters.CONSUMER_KEY, null).signHmac(SECRET_A, TOKEN_SECRET)));
        assertError("missing_required_parameter", 400, rejected(fixture.resourceRequestA()
                .oauth(OAuthParameters.SIGNATURE_METHOD, null).build()));
        assertError("missing_required_parameter", 400, rejected(fixture.resourceRequestA()
                .oauth(OAuthParameters.SIGNATURE_METHOD, "HMAC-SHA1").build()));
        assertError("missing_required_parameter", 400, rejected(fixture.resourceRequestA()
                .oauth(OAuthParameters.TIMESTAMP, null).signHmac(SECRET_A, TOKEN_SECRET)));
        assertError("missing_required_parameter", 400, rejected(fixture.resourceRequestA()
                .oauth(OAuthParameters.NONCE, null).signHmac(SECRET_A, TOKEN_SECRET)));
        assertError("missing_required_parameter", 400, rejected(fixture.resourceRequestA()
                .oauth(OAuthParameters.TOKEN, null).signHmac(SECRET_A, TOKEN_SECRET)));
    }

    @Test
    void unknownOrDisabledSignatureMethodIsUnsupported() throws OAuth1Error {
        assertError("unsupported_signature_method", 400, rejected(fixture.resourceRequestA()
                .oauth(OAuthParameters.SIGNATURE_METHOD, "HMAC-MD5").signature("x")));
        assertError("unsupported_signature_method", 400, rejected(fixture.resourceRequestA()
                .signHmac(HmacSignatureMethod.HMAC_SHA256, SECRET_A, TOKEN_SECRET)));
        assertError("unsupported_signature_method", 400, rejected(fixture.resourceRequestA()
                .signPlaintext(SECRET_A, TOKEN_SECRET)));
        assertError("unsupported_signature_method", 400, rejected(fixture.resourceRequestA()
                .oauth(OAuthParameters.SIGNATURE_METHOD, "hmac-sha1").signature("x")));
    }

    @Test
    void enabledExtraMethodsAreAccepted() throws OAuth1Error, GeneralSecurityException {
        OAuth1Fixture all = new OAuth1Fixture(OAuth1Settings.DEFAULT
                .withSignatureMethods("HMAC-SHA256", "RSA-SHA256", "RSA-SHA1"));
        all.tokenForA();
        all.tokenCredentials.add("token-rsa", "", OAuth1Fixture.RSA_CLIENT, "bob");
        assertEquals("alice", all.protector.validateRequest(all.resourceRequestA()
                .signHmac(HmacSignatureMethod.HMAC_SHA256, SECRET_A, TOKEN_SECRET)).userId());
        assertError("unsupported_signature_method", 400, rejected(all, all.resourceRequestA()
                .signHmac(SECRET_A, TOKEN_SECRET)));
        for (RsaSignatureMethod rsa : new RsaSignatureMethod[] {RsaSignatureMethod.RSA_SHA1, RsaSignatureMethod.RSA_SHA256}) {
            OAuth1Request request = all.request("GET", RESOURCE, OAuth1Fixture.RSA_CLIENT)
                    .oauth(OAuthParameters.TOKEN, "token-rsa")
                    .signRsa(rsa, RsaKeys.privateKey(Vectors.RSA_2048_PRIVATE_KEY));
            assertEquals("bob", all.protector.validateRequest(request).userId());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999999999999", "99999999999999999", "31556889864403200"})
    void timestampBeyondEveryClockIs401(String timestamp) throws OAuth1Error {
        assertError("invalid_timestamp", 401, rejected(fixture.resourceRequestA()
                .oauth(OAuthParameters.TIMESTAMP, timestamp).signHmac(SECRET_A, TOKEN_SECRET)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%00", "a%0Ab", "%7F"})
    void controlCharactersInTheConsumerKeyAre400BeforeAnyLookup(String key) throws OAuth1Error {
        OAuth1Error error = assertThrows(OAuth1Error.class, () -> OAuth1Request.from("GET", RESOURCE,
                Map.of("Authorization", List.of("OAuth oauth_consumer_key=\"" + key + "\", oauth_signature=\"x\"")),
                null, null));
        assertEquals(400, error.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "1.5", "1e9", " 1", "99999999999999999999"})
    void malformedTimestampIs400(String timestamp) throws OAuth1Error {
        assertError("invalid_request", 400, rejected(fixture.resourceRequestA()
                .oauth(OAuthParameters.TIMESTAMP, timestamp).signHmac(SECRET_A, TOKEN_SECRET)));
    }

    @Test
    void wrongVersionIs400() throws OAuth1Error {
        assertError("invalid_request", 400, rejected(fixture.resourceRequestA()
                .oauth(OAuthParameters.VERSION, "2.0").signHmac(SECRET_A, TOKEN_SECRET)));
    }

    @Test
    void versionOnePointZeroIsAccepted() throws OAuth1Error {
        fixture.protector.validateRequest(fixture.resourceRequestA().oauth(OAuthParameters.VERSION, "1.0")
                .signHmac(SECRET_A, TOKEN_SECRET));
    }

    @ParameterizedTest
    @ValueSource(longs = {-300, -1, 0, 1, 300})
    void timestampInsideTheWindowIsAccepted(long offset) throws OAuth1Error {
        fixture.protector.validateRequest(fixture.resourceRequestA()
                .oauth(OAuthParameters.TIMESTAMP, Long.toString(OAuth1Fixture.NOW.getEpochSecond() + offset))
                .signHmac(SECRET_A, TOKEN_SECRET));
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301, -86400, 86400})
    void timestampOutsideTheWindowIs401(long offset) throws OAuth1Error {
        assertError("invalid_timestamp", 401, rejected(fixture.resourceRequestA()
                .oauth(OAuthParameters.TIMESTAMP, Long.toString(OAuth1Fixture.NOW.getEpochSecond() + offset))
                .signHmac(SECRET_A, TOKEN_SECRET)));
        assertEquals(0, fixture.nonces.size());
    }

    @Test
    void windowIsConfigurable() throws OAuth1Error {
        OAuth1Fixture narrow = new OAuth1Fixture(OAuth1Settings.DEFAULT.withTimestampWindow(Duration.ofSeconds(10)));
        narrow.tokenForA();
        String late = Long.toString(OAuth1Fixture.NOW.getEpochSecond() - 11);
        assertError("invalid_timestamp", 401, rejected(narrow, narrow.resourceRequestA()
                .oauth(OAuthParameters.TIMESTAMP, late).signHmac(SECRET_A, TOKEN_SECRET)));
        narrow.protector.validateRequest(narrow.resourceRequestA()
                .oauth(OAuthParameters.TIMESTAMP, Long.toString(OAuth1Fixture.NOW.getEpochSecond() - 10))
                .signHmac(SECRET_A, TOKEN_SECRET));
        assertEquals(Duration.ofSeconds(21), narrow.nonces.ttlOf(narrow.nonces.keys().iterator().next())); // 2 × window + 1 s
    }

    @Test
    void unknownClientIs401() throws OAuth1Error {
        assertError("invalid_client", 401, rejected(fixture.request("GET", RESOURCE, "nobody")
                .oauth(OAuthParameters.TOKEN, "token-a").signHmac(SECRET_A, TOKEN_SECRET)));
    }

    @Test
    void unknownTokenIs401() throws OAuth1Error {
        assertError("invalid_token", 401, rejected(fixture.request("GET", RESOURCE, CLIENT_A)
                .oauth(OAuthParameters.TOKEN, "token-x").signHmac(SECRET_A, TOKEN_SECRET)));
    }

    @Test
    void tokenOfAnotherClientIs401() throws OAuth1Error {
        assertError("invalid_token", 401, rejected(fixture.request("GET", RESOURCE, CLIENT_B)
                .oauth(OAuthParameters.TOKEN, "token-a").signHmac(SECRET_B, TOKEN_SECRET)));
    }

    @Test
    void badSignatureIs401AndDoesNotConsumeTheNonce() throws OAuth1Error {
        SignedRequestBuilder request = fixture.resourceRequestA().oauth(OAuthParameters.NONCE, "fixed-nonce");
        assertError("invalid_signature", 401, rejected(request.signHmac("wrong", TOKEN_SECRET)));
        assertError("invalid_signature", 401, rejected(request.signHmac(SECRET_A, "wrong")));
        assertError("invalid_signature", 401, rejected(request.signature("dGFtcGVyZWQ=")));
        assertEquals(0, fixture.nonces.size());
        fixture.protector.validateRequest(request.signHmac(SECRET_A, TOKEN_SECRET));
        assertEquals(1, fixture.nonces.size());
    }

    @Test
    void replayedNonceIs401() throws OAuth1Error {
        OAuth1Request request = fixture.resourceRequestA().signHmac(SECRET_A, TOKEN_SECRET);
        fixture.protector.validateRequest(request);
        assertError("invalid_nonce", 401, rejected(request));
    }

    @Test
    void nonceIsScopedByTimestamp() throws OAuth1Error {
        SignedRequestBuilder request = fixture.resourceRequestA().oauth(OAuthParameters.NONCE, "same");
        fixture.protector.validateRequest(request.signHmac(SECRET_A, TOKEN_SECRET));
        fixture.protector.validateRequest(request
                .oauth(OAuthParameters.TIMESTAMP, Long.toString(OAuth1Fixture.NOW.getEpochSecond() + 1))
                .signHmac(SECRET_A, TOKEN_SECRET));
        assertEquals(2, fixture.nonces.size());
    }

    @Test
    void plaintextIsRefusedOverHttpUnlessAllowed() throws OAuth1Error {
        OAuth1Fixture plaintext = new OAuth1Fixture(OAuth1Settings.DEFAULT.withSignatureMethods("PLAINTEXT"));
        plaintext.tokenForA();
        OAuth1Request overHttp = plaintext.request("GET", "http://server.example/api/me", CLIENT_A)
                .oauth(OAuthParameters.TOKEN, "token-a").signPlaintext(SECRET_A, TOKEN_SECRET);
        assertError("insecure_transport", 400, rejected(plaintext, overHttp));
        plaintext.protector.validateRequest(plaintext.resourceRequestA().signPlaintext(SECRET_A, TOKEN_SECRET));

        OAuth1Fixture development = new OAuth1Fixture(OAuth1Settings.DEFAULT.withSignatureMethods("PLAINTEXT")
                .withPlaintextOverHttpAllowed(true));
        development.tokenForA();
        development.protector.validateRequest(overHttp);
    }

    @Test
    void plaintextMayOmitTimestampAndNonceOnlyTogether() throws OAuth1Error {
        OAuth1Fixture plaintext = new OAuth1Fixture(OAuth1Settings.DEFAULT.withSignatureMethods("PLAINTEXT"));
        plaintext.tokenForA();
        plaintext.protector.validateRequest(plaintext.resourceRequestA().oauth(OAuthParameters.TIMESTAMP, null)
                .oauth(OAuthParameters.NONCE, null).signPlaintext(SECRET_A, TOKEN_SECRET));
        assertEquals(0, plaintext.nonces.size());
        assertError("missing_required_parameter", 400, rejected(plaintext, plaintext.resourceRequestA()
                .oauth(OAuthParameters.TIMESTAMP, null).signPlaintext(SECRET_A, TOKEN_SECRET)));
        assertError("missing_required_parameter", 400, rejected(plaintext, plaintext.resourceRequestA()
                .oauth(OAuthParameters.NONCE, null).signPlaintext(SECRET_A, TOKEN_SECRET)));
        assertError("missing_required_parameter", 400, rejected(fixture.resourceRequestA()
                .oauth(OAuthParameters.TIMESTAMP, null).oauth(OAuthParameters.NONCE, null)
                .signHmac(SECRET_A, TOKEN_SECRET)));
    }

    @Test
    void errorResponseCarriesWwwAuthenticateOn401() {
        ResourceProtector protector = new OAuth1Fixture(OAuth1Settings.DEFAULT.withRealm("Photos \"v2\"")).protector;
        assertEquals("OAuth realm=\"Photos \\\"v2\\\"\"", protector.wwwAuthenticate());
        OAuth1Response unauthorized = protector.errorResponse(new InvalidTokenError());
        assertEquals(401, unauthorized.status());
        assertEquals("OAuth realm=\"Photos \\\"v2\\\"\"", unauthorized.headers().get("WWW-Authenticate"));
        assertEquals("invalid_token", unauthorized.formParameters().get("error"));
        OAuth1Response badRequest = protector.errorResponse(new MissingRequiredParameterError("oauth_token"));
        assertFalse(badRequest.headers().containsKey("WWW-Authenticate"));
        assertEquals("OAuth realm=\"\"", fixture.protector.wwwAuthenticate());
    }
}
