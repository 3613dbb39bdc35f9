package dev.tollgate.jwt;

import static dev.tollgate.common.JsonSupport.JSON;
import static dev.tollgate.jwt.JwtFixture.BASIC_CLIENT;
import static dev.tollgate.jwt.JwtFixture.BASIC_SECRET;
import static dev.tollgate.jwt.JwtFixture.EC;
import static dev.tollgate.jwt.JwtFixture.ISSUER;
import static dev.tollgate.jwt.JwtFixture.OTHER_RSA;
import static dev.tollgate.jwt.JwtFixture.PK_CLIENT;
import static dev.tollgate.jwt.JwtFixture.RSA;
import static dev.tollgate.jwt.JwtFixture.TOKEN_ENDPOINT;
import static dev.tollgate.jwt.JwtFixture.json;
import static dev.tollgate.jwt.JwtFixture.mac;
import static dev.tollgate.jwt.JwtFixture.params;
import static dev.tollgate.jwt.JwtFixture.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.oauth2.MetadataEndpoint;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.RevocationEndpoint;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@code private_key_jwt}, and what every client assertion must be (RFC 7523 §2.2, §3; OpenID Connect Core §9). */
class PrivateKeyJwtTest {

    private final JwtFixture f = new JwtFixture();

    private static void assertOk(OAuth2Response response) {
        assertEquals(200, response.status(), response.body());
        assertNotNull(json(response).getString("access_token"));
    }

    /** 401 invalid_client with the method's challenge, and a description that does not repeat the assertion. */
    private static JsonObject assertInvalidClient(OAuth2Response response, String assertion) {
        assertEquals(401, response.status(), response.body());
        JsonObject body = json(response);
        assertEquals("invalid_client", body.getString("error"));
        assertNotNull(response.header("WWW-Authenticate"));
        if (assertion != null) {
            for (String part : assertion.split("\\.")) {
                assertFalse(!part.isEmpty() && response.body().contains(part), "the response repeats the assertion");
            }
        }
        return body;
    }

    private String signed(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.RS256, RSA, claims);
    }

    // ---------------------------------------------------------------- the algorithms, through the Nimbus SDK

    @Test
    void rs256MadeByTheNimbusSdkAuthenticates() throws Exception {
        assertOk(f.clientCredentials(new PrivateKeyJWT(new ClientID(PK_CLIENT), URI.create(TOKEN_ENDPOINT),
                JWSAlgorithm.RS256, RSA.toPrivateKey(), RSA.getKeyID(), null)));
    }

    @Test
    void ps256MadeByTheNimbusSdkAuthenticates() throws Exception {
        assertOk(f.clientCredentials(new PrivateKeyJWT(new ClientID(PK_CLIENT), URI.create(TOKEN_ENDPOINT),
                JWSAlgorithm.PS256, RSA.toPrivateKey(), RSA.getKeyID(), null)));
    }

    @Test
    void es256MadeByTheNimbusSdkAuthenticates() throws Exception {
        assertOk(f.clientCredentials(new PrivateKeyJWT(new ClientID(PK_CLIENT), URI.create(TOKEN_ENDPOINT),
                JWSAlgorithm.ES256, EC.toPrivateKey(), EC.getKeyID(), null)));
    }

    @Test
    void withoutKidEveryKeyOfTheTypeIsTried() {
        JWTClaimsSet claims = f.claims(PK_CLIENT).build();
        assertOk(f.clientCredentials(sign(new JWSHeader(JWSAlgorithm.ES256), EC, claims)));
        assertOk(f.clientCredentials(sign(new JWSHeader(JWSAlgorithm.RS256), RSA, f.claims(PK_CLIENT).build())));
    }

    @Test
    void anAlgorithmNotAllowedIsRefused() throws Exception {
        String assertion = sign(JWSAlgorithm.RS512, RSA, f.claims(PK_CLIENT).build());
        assertInvalidClient(f.clientCredentials(assertion), assertion);
        assertInvalidClient(f.clientCredentials(new PrivateKeyJWT(new ClientID(PK_CLIENT),
                URI.create(TOKEN_ENDPOINT), JWSAlgorithm.ES384, JwtFixture.ec("x").toPrivateKey(), "x", null)), null);
    }

    @Test
    void theRegisteredSigningAlgorithmIsRequired() {
        f.clients.add(((JwtFixture.Client) f.clients.clients.get(PK_CLIENT)).withMetadata(JSON.createObjectBuilder()
                .add("jwks", json(new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK())).toString()))
                .add("token_endpoint_auth_signing_alg", "ES256").build()));

        assertInvalidClient(f.clientCredentials(signed(f.claims(PK_CLIENT).build())), null);
        assertOk(f.clientCredentials(sign(JWSAlgorithm.ES256, EC, f.claims(PK_CLIENT).build())));
    }

    // ---------------------------------------------------------------- signatures

    @Test
    void aWrongSignatureIsRefused() {
        String assertion = sign(JWSAlgorithm.RS256, OTHER_RSA, f.claims(PK_CLIENT).build()); // same kid, other key
        JsonObject body = assertInvalidClient(f.clientCredentials(assertion), assertion);
        assertEquals("Client authentication failed.", body.getString("error_description"));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String good = signed(f.claims(PK_CLIENT).build());
        String[] parts = good.split("\\.");
        String other = signed(f.claims(PK_CLIENT).build()).split("\\.")[1];
        assertInvalidClient(f.clientCredentials(parts[0] + "." + other + "." + parts[2]), good);
    }

    @Test
    void algNoneIsRefused() {
        String assertion = new PlainJWT(f.claims(PK_CLIENT).build()).serialize();
        JsonObject body = assertInvalidClient(f.clientCredentials(assertion), assertion);
        assertTrue(body.getString("error_description").contains("signed"), body.toString());
        assertTrue(f.replays.recorded.isEmpty(), "nothing recorded for an unsigned assertion");
    }

    @Test
    void anHmacKeyedWithTheClientsPublicKeyIsRefused() throws Exception {
        JWTClaimsSet claims = f.claims(PK_CLIENT).build();
        byte[] der = RSA.toRSAPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes(
                StandardCharsets.US_ASCII)).encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
        for (byte[] key : List.of(der, pem.getBytes(StandardCharsets.US_ASCII),
                RSA.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8),
                new JWKSet(RSA.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8))) {
            for (JWSAlgorithm algorithm : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512)) {
                String assertion = mac(algorithm, key, claims);
                assertInvalidClient(f.clientCredentials(assertion), assertion);
            }
        }
        assertTrue(f.replays.recorded.isEmpty());
    }

    @Test
    void rsaKeysUnder2048BitsAreNotUsed() throws Exception {
        RSAKey small = new RSAKeyGenerator(1024, true).keyID("small").generate();
        f.clients.add(((JwtFixture.Client) f.clients.clients.get(PK_CLIENT)).withMetadata(JSON.createObjectBuilder()
                .add("jwks", json(new JWKSet(small.toPublicJWK()).toString())).build()));
        JWTClaimsSet claims = f.claims(PK_CLIENT).build();
        // Nimbus refuses to sign with it: by hand, as an attacker who factored it would
        String input = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("small").build().toBase64URL() + "."
                + Base64URL.encode(claims.toString());
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(small.toRSAPrivateKey());
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        String assertion = input + "." + Base64URL.encode(rsa.sign());
        assertTrue(SignedJWT.parse(assertion).verify(new RSASSAVerifier(small.toRSAPublicKey())),
                "a good signature of its key");
        assertInvalidClient(f.clientCredentials(assertion), assertion);
    }

    @Test
    void anUnknownKidIsRefused() {
        String assertion = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("nope").build(), RSA,
                f.claims(PK_CLIENT).build());
        assertInvalidClient(f.clientCredentials(assertion), assertion);
    }

    @Test
    void aTypedTokenOfAnotherKindIsRefused() {
        JWTClaimsSet claims = f.claims(PK_CLIENT).build();
        for (String type : List.of("at+jwt", "dpop+jwt", "application/secevent+jwt")) {
            String assertion = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(RSA.getKeyID())
                    .type(new JOSEObjectType(type)).build(), RSA, claims);
            assertInvalidClient(f.clientCredentials(assertion), assertion);
        }
        for (String type : List.of("JWT", "client-authentication+jwt", "application/jwt")) {
            assertOk(f.clientCredentials(sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(RSA.getKeyID())
                    .type(new JOSEObjectType(type)).build(), RSA, f.claims(PK_CLIENT).build())));
        }
    }

    // ---------------------------------------------------------------- claims

    @Test
    void anExpiredAssertionIsRefused() throws Exception {
        PrivateKeyJWT sdk = new PrivateKeyJWT(new ClientID(PK_CLIENT), URI.create(TOKEN_ENDPOINT),
                JWSAlgorithm.RS256, RSA.toPrivateKey(), RSA.getKeyID(), null); // exp at most 5 minutes ahead
        f.clock.advance(Duration.ofMinutes(6).plusSeconds(1)); // past exp and the skew
        JsonObject body = assertInvalidClient(f.clientCredentials(sdk), sdk.getClientAssertion().serialize());
        assertEquals("The assertion has expired.", body.getString("error_description"));
    }

    @Test
    void theClockSkewIsAllowedAfterExp() {
        Instant now = f.clock.instant();
        assertOk(f.clientCredentials(signed(f.claims(PK_CLIENT).expirationTime(Date.from(now.minusSeconds(59)))
                .build())));
        assertInvalidClient(f.clientCredentials(signed(f.claims(PK_CLIENT)
                .expirationTime(Date.from(now.minusSeconds(60))).build())), null);
    }

    @Test
    void anAssertionWithoutExpIsRefused() {
        assertInvalidClient(f.clientCredentials(signed(f.claims(PK_CLIENT).expirationTime(null).build())), null);
    }

    @Test
    void anAssertionThatLivesTooLongIsRefused() {
        Instant now = f.clock.instant();
        assertOk(f.clientCredentials(signed(f.claims(PK_CLIENT).expirationTime(Date.from(now.plusSeconds(360)))
                .build()))); // 5 minutes and the skew
        JsonObject body = assertInvalidClient(f.clientCredentials(signed(f.claims(PK_CLIENT)
                .expirationTime(Date.from(now.plusSeconds(361))).build())), null);
        assertTrue(body.getString("error_description").contains("too late"), body.toString());
        assertInvalidClient(f.clientCredentials(signed(f.claims(PK_CLIENT)
                .expirationTime(Date.from(now.plus(Duration.ofDays(365)))).build())), null);
    }

    @Test
    void aLongerLifetimeCanBeAllowed() {
        JwtFixture longer = new JwtFixture(uri -> null, JwksUriSettings.DEFAULT, "https://client.example/jwks",
                AssertionSettings.DEFAULT.withMaxLifetime(Duration.ofHours(1)));
        assertOk(longer.clientCredentials(sign(JWSAlgorithm.RS256, RSA, longer.claims(PK_CLIENT)
                .expirationTime(Date.from(longer.clock.instant().plus(Duration.ofMinutes(59)))).build())));
    }

    @Test
    void nbfInTheFutureIsRefused() {
        Instant now = f.clock.instant();
        assertInvalidClient(f.clientCredentials(signed(f.claims(PK_CLIENT).notBeforeTime(Date.from(now.plusSeconds(61)))
                .build())), null);
        assertOk(f.clientCredentials(signed(f.claims(PK_CLIENT).notBeforeTime(Date.from(now.plusSeconds(30)))
                .build()))); // within the skew
    }

    @Test
    void iatInTheFutureIsRefused() {
        Instant now = f.clock.instant();
        assertInvalidClient(f.clientCredentials(signed(f.claims(PK_CLIENT).issueTime(Date.from(now.plusSeconds(90)))
                .build())), null);
    }

    @Test
    void malformedTimesAreRefused() {
        assertInvalidClient(f.clientCredentials(signed(f.claims(PK_CLIENT).claim("exp", "tomorrow").build())), null);
    }

    @Test
    void issAndSubMustBothBeTheClientId() {
        assertInvalidClient(f.clientCredentials(signed(f.claims(PK_CLIENT, "alice").build())), null);
        assertInvalidClient(f.clientCredentials(signed(f.claims(PK_CLIENT).subject(null).build())), null);
        assertInvalidClient(f.clientCredentials(signed(f.claims(PK_CLIENT).issuer(null).build())), null);
    }

    @Test
    void aClientIdParameterMustMatch() {
        String other = signed(f.claims(PK_CLIENT).build());
        OAuth2Response mismatch = f.token(params("grant_type", "client_credentials", "client_id", BASIC_CLIENT,
                "client_assertion_type", ClientAssertions.JWT_BEARER, "client_assertion", other));
        assertInvalidClient(mismatch, other);
        assertOk(f.token(params("grant_type", "client_credentials", "client_id", PK_CLIENT,
                "client_assertion_type", ClientAssertions.JWT_BEARER, "client_assertion",
                signed(f.claims(PK_CLIENT).build()))));
    }

    @Test
    void theAudienceMustBeThisServer() {
        assertInvalidClient(f.clientCredentials(signed(f.claims(PK_CLIENT).audience("https://other.example/token")
                .build())), null);
        assertInvalidClient(f.clientCredentials(signed(f.claims(PK_CLIENT).audience((String) null).build())), null);
        assertInvalidClient(f.clientCredentials(signed(f.claims(PK_CLIENT).audience(ISSUER + "/").build())), null);
        assertOk(f.clientCredentials(signed(f.claims(PK_CLIENT).audience(ISSUER).build())));
        assertOk(f.clientCredentials(signed(f.claims(PK_CLIENT).audience(TOKEN_ENDPOINT).build())));
    }

    @Test
    void anAudienceArrayNeedsOneOfThisServer() {
        assertOk(f.clientCredentials(signed(f.claims(PK_CLIENT).audience(List.of("https://other.example", ISSUER))
                .build())));
        assertInvalidClient(f.clientCredentials(signed(f.claims(PK_CLIENT)
                .audience(List.of("https://other.example", "https://third.example")).build())), null);
    }

    @Test
    void jtiIsRequired() {
        JsonObject body = assertInvalidClient(f.clientCredentials(signed(f.claims(PK_CLIENT).jwtID(null).build())),
                null);
        assertTrue(body.getString("error_description").contains("jti"), body.toString());
    }

    @Test
    void aReplayedAssertionIsRefused() {
        String assertion = signed(f.claims(PK_CLIENT).build());
        assertOk(f.clientCredentials(assertion));
        assertInvalidClient(f.clientCredentials(assertion), assertion);
        assertEquals(1, f.replays.recorded.size());
        Duration kept = f.replays.recorded.values().iterator().next();
        assertEquals(Duration.ofSeconds(180), kept, "until exp and the skew");
        assertTrue(kept.compareTo(AssertionSettings.DEFAULT.replayLifetime()) <= 0);
    }

    @Test
    void concurrentUsesOfOneAssertionAuthenticateOnce() throws Exception {
        String assertion = signed(f.claims(PK_CLIENT).build());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<OAuth2Response>> responses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                responses.add(pool.submit(() -> f.clientCredentials(assertion)));
            }
            int ok = 0;
            for (Future<OAuth2Response> response : responses) {
                ok += response.get().status() == 200 ? 1 : 0;
            }
            assertEquals(1, ok);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aJtiIsPerClient() {
        String jti = "the-same-jti";
        assertOk(f.clientCredentials(signed(f.claims(PK_CLIENT).jwtID(jti).build())));
        assertOk(f.clientCredentials(JwtFixture.mac(JWSAlgorithm.HS256,
                JwtFixture.SECRET.getBytes(StandardCharsets.UTF_8),
                f.claims(JwtFixture.SECRET_CLIENT).jwtID(jti).build())));
    }

    @Test
    void aFailedAssertionDoesNotBurnItsJti() {
        String jti = "kept";
        assertInvalidClient(f.clientCredentials(sign(JWSAlgorithm.RS256, OTHER_RSA,
                f.claims(PK_CLIENT).jwtID(jti).build())), null);
        assertOk(f.clientCredentials(signed(f.claims(PK_CLIENT).jwtID(jti).build())));
    }

    // ---------------------------------------------------------------- the request

    @Test
    void theAssertionTypeMustBeJwtBearer() {
        String assertion = signed(f.claims(PK_CLIENT).build());
        assertInvalidClient(f.token(params("grant_type", "client_credentials", "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:saml2-bearer", "client_assertion", assertion)), assertion);
        assertInvalidClient(f.token(params("grant_type", "client_credentials", "client_assertion", assertion)),
                assertion);
        assertInvalidClient(f.token(params("grant_type", "client_credentials", "client_assertion_type",
                ClientAssertions.JWT_BEARER, "client_id", PK_CLIENT)), null);
    }

    @Test
    void malformedAssertionsAreRefused() {
        for (String assertion : List.of("not-a-jwt", "a.b.c", "..", "e30.e30.", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln",
                "eyJhbGciOiJSUzI1NiJ9.WzFd.c2ln")) {
            assertInvalidClient(f.clientCredentials(assertion), null);
        }
    }

    @Test
    void aLongAssertionIsRefusedUnread() {
        String assertion = signed(f.claims(PK_CLIENT).claim("padding", "x".repeat(9000)).build());
        JsonObject body = assertInvalidClient(f.clientCredentials(assertion), assertion);
        assertTrue(body.getString("error_description").contains("longer"), body.toString());
    }

    @Test
    void aClientOfAnotherMethodIsHeldToIt() {
        // basic-client is registered for client_secret_basic: an assertion, even a good HMAC of its secret, is refused
        String hmac = mac(JWSAlgorithm.HS256, BASIC_SECRET.getBytes(StandardCharsets.UTF_8),
                f.claims(BASIC_CLIENT).build());
        OAuth2Response response = f.clientCredentials(hmac);
        assertInvalidClient(response, hmac);
        assertTrue(response.header("WWW-Authenticate").startsWith("client_secret_jwt "), response.headers().toString());
        assertInvalidClient(f.clientCredentials(sign(JWSAlgorithm.RS256, RSA, f.claims(BASIC_CLIENT).build())), null);
        assertTrue(f.replays.recorded.isEmpty());
    }

    @Test
    void aPrivateKeyJwtClientCannotUseItsSecretOrBasic() {
        OAuth2Response response = f.token(params("grant_type", "client_credentials", "client_id", PK_CLIENT,
                "client_secret", "anything"));
        assertEquals(401, response.status(), "held to private_key_jwt, whose challenge makes it 401");
        assertTrue(response.header("WWW-Authenticate").startsWith("private_key_jwt realm="));
        OAuth2Response publicAttempt = f.token(params("grant_type", "client_credentials", "client_id", PK_CLIENT));
        assertEquals("invalid_client", json(publicAttempt).getString("error"));
    }

    @Test
    void twoMethodsAtOnceAreRefused() {
        OAuth2Request request = OAuth2Request.of("POST", TOKEN_ENDPOINT, Map.of("Authorization",
                List.of(JwtFixture.basic(BASIC_CLIENT, BASIC_SECRET))), FormUrlEncoding.format(params(
                "grant_type", "client_credentials", "client_assertion_type", ClientAssertions.JWT_BEARER,
                "client_assertion", signed(f.claims(PK_CLIENT).build()))), FormUrlEncoding.CONTENT_TYPE);
        assertEquals("invalid_request", json(f.server.createTokenResponse(request)).getString("error"));
    }

    @Test
    void theChallengeNamesTheMethod() {
        OAuth2Response response = f.clientCredentials(sign(JWSAlgorithm.RS256, OTHER_RSA,
                f.claims(PK_CLIENT).build()));
        assertEquals("private_key_jwt realm=\"tollgate\"", response.header("WWW-Authenticate"));
    }

    @Test
    void otherEndpointsAcceptClientAssertions() {
        OAuth2Response revoked = f.server.createEndpointResponse(RevocationEndpoint.NAME, OAuth2Request.of("POST",
                ISSUER + "/oauth2/revoke", Map.of(), FormUrlEncoding.format(params("token", "unknown",
                        "client_assertion_type", ClientAssertions.JWT_BEARER, "client_assertion",
                        signed(f.claims(PK_CLIENT).audience(ISSUER).build()))), FormUrlEncoding.CONTENT_TYPE));
        assertEquals(200, revoked.status(), revoked.body());
        OAuth2Response refused = f.server.createEndpointResponse(RevocationEndpoint.NAME, OAuth2Request.of("POST",
                ISSUER + "/oauth2/revoke", Map.of(), FormUrlEncoding.format(params("token", "unknown",
                        "client_assertion_type", ClientAssertions.JWT_BEARER, "client_assertion",
                        sign(JWSAlgorithm.RS256, OTHER_RSA, f.claims(PK_CLIENT).build()))),
                FormUrlEncoding.CONTENT_TYPE));
        assertEquals(401, refused.status(), refused.body());
    }

    // ---------------------------------------------------------------- metadata

    @Test
    void theMetadataListsTheMethodsAndAlgorithms() {
        JsonObject metadata = MetadataEndpoint.metadata(f.server.settings(), f.server.capabilities());
        String methods = metadata.getJsonArray("token_endpoint_auth_methods_supported").toString();
        assertTrue(methods.contains("\"private_key_jwt\"") && methods.contains("\"client_secret_jwt\""), methods);
        assertEquals(JSON.createArrayBuilder().add("ES256").add("HS256").add("HS384").add("HS512").add("PS256")
                .add("RS256").build(), metadata.getJsonArray("token_endpoint_auth_signing_alg_values_supported"));
        assertTrue(metadata.getJsonArray("grant_types_supported").toString().contains(JwtBearerGrant.GRANT_TYPE));
    }
}
