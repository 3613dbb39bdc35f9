package dev.tollgate.jwt;

import static dev.tollgate.common.JsonSupport.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.MetadataEndpoint;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.OAuth2Server;
import dev.tollgate.oauth2.OAuth2ServerBuilder;
import dev.tollgate.oauth2.RegistrationEndpoint;
import dev.tollgate.oauth2.TokenSettings;
import dev.tollgate.par.InMemoryPushedRequestStore;
import dev.tollgate.par.PushedAuthorizationEndpoint;
import dev.tollgate.par.PushedAuthorizationRequests;
import dev.tollgate.par.PushedRequestSettings;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JWT-secured authorization requests by value (RFC 9101, OpenID Connect Core §6.1). */
class RequestObjectsTest {

    private static final String CALLBACK = "https://client.example/cb";

    private final JwtFixture f = new JwtFixture();
    private final RequestObjects requestObjects = new RequestObjects(f.settings, AssertionSettings.DEFAULT, f.keys,
            f.clock);

    // ---------------------------------------------------------------- the parameters

    @Test
    void onlyTheObjectsParametersAreUsedAndTheQuerysOthersIgnored() {
        OAuth2Request resolved = resolve(JwtFixture.PK_CLIENT, Map.of("response_type", "code", "state", "from-query",
                "scope", "email"), rs256(JwtFixture.PK_CLIENT, claims(JwtFixture.PK_CLIENT)
                .claim("state", "from-object").build()));
        assertEquals("from-object", resolved.param("state"), "RFC 9101 §6.3: the object wins");
        assertEquals("profile", resolved.param("scope"));
        assertEquals(JwtFixture.PK_CLIENT, resolved.param("client_id"));
        assertNull(resolved.param("request"), "the object itself is not a parameter");
        assertNull(resolved.param("iss"), "nor are the JWT's own claims");
        assertNull(resolved.param("aud"));
        assertNull(resolved.param("exp"));
    }

    @Test
    void queryParametersTheObjectLacksAreIgnored() {
        OAuth2Request resolved = resolve(JwtFixture.PK_CLIENT, Map.of("nonce", "from-query"),
                rs256(JwtFixture.PK_CLIENT, claims(JwtFixture.PK_CLIENT).build()));
        assertNull(resolved.param("nonce"));
    }

    @Test
    void numbersAndObjectsKeepTheirJsonText() {
        OAuth2Request resolved = resolve(JwtFixture.PK_CLIENT, Map.of(), rs256(JwtFixture.PK_CLIENT,
                claims(JwtFixture.PK_CLIENT).claim("max_age", 3600)
                        .claim("claims", Map.of("userinfo", Map.of("email", Map.of("essential", true)))).build()));
        assertEquals("3600", resolved.param("max_age"));
        assertEquals("{\"userinfo\":{\"email\":{\"essential\":true}}}", resolved.param("claims"));
    }

    @Test
    void aRequestWithoutAnObjectIsLeftAlone() {
        OAuth2Request request = authorize(Map.of("client_id", JwtFixture.PK_CLIENT, "state", "s"));
        assertEquals(request, requestObjects.resolve(request, client(JwtFixture.PK_CLIENT)));
    }

    // ---------------------------------------------------------------- signatures and algorithms

    @Test
    void anEs256ObjectVerifiesWithTheClientsEcKey() {
        String object = JwtFixture.sign(JWSAlgorithm.ES256, JwtFixture.EC, claims(JwtFixture.PK_CLIENT).build());
        assertEquals("profile", resolve(JwtFixture.PK_CLIENT, Map.of(), object).param("scope"));
    }

    @Test
    void anHs256ObjectVerifiesWithTheSecretTheServerHolds() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(JwtFixture.SECRET_CLIENT).build());
        jwt.sign(new MACSigner(JwtFixture.SECRET.getBytes(StandardCharsets.UTF_8)));
        assertEquals("profile", resolve(JwtFixture.SECRET_CLIENT, Map.of(), jwt.serialize()).param("scope"));
    }

    @Test
    void anHmacKeyedWithTheClientsPublicKeyIsRefused() {
        byte[] publicKey = JwtFixture.RSA.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        assertInvalid(JwtFixture.PK_CLIENT, JwtFixture.mac(JWSAlgorithm.HS256, publicKey,
                claims(JwtFixture.PK_CLIENT).build()));
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        assertInvalid(JwtFixture.PK_CLIENT, JwtFixture.sign(JWSAlgorithm.RS256, JwtFixture.OTHER_RSA,
                claims(JwtFixture.PK_CLIENT).build()));
    }

    @Test
    void anObjectSignedByAnotherClientIsRefused() {
        assertInvalid(JwtFixture.URI_CLIENT, rs256(JwtFixture.URI_CLIENT, claims(JwtFixture.URI_CLIENT).build()));
    }

    @Test
    void anUnsignedObjectIsRefusedUnlessTheClientRegisteredNone() {
        String unsigned = new PlainJWT(claims(JwtFixture.PK_CLIENT).build()).serialize();
        assertInvalid(JwtFixture.PK_CLIENT, unsigned);
        withMetadata(JwtFixture.PK_CLIENT, RequestObjects.SIGNING_ALG, "none");
        assertEquals("profile", resolve(JwtFixture.PK_CLIENT, Map.of(), unsigned).param("scope"));
    }

    @Test
    void theRegisteredAlgorithmIsTheOnlyOne() {
        withMetadata(JwtFixture.PK_CLIENT, RequestObjects.SIGNING_ALG, "ES256");
        assertInvalid(JwtFixture.PK_CLIENT, rs256(JwtFixture.PK_CLIENT, claims(JwtFixture.PK_CLIENT).build()));
        assertInvalid(JwtFixture.PK_CLIENT, new PlainJWT(claims(JwtFixture.PK_CLIENT).build()).serialize());
    }

    @Test
    void anEncryptedObjectIsRefused() throws Exception {
        EncryptedJWT jwt = new EncryptedJWT(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM),
                claims(JwtFixture.PK_CLIENT).build());
        jwt.encrypt(new RSAEncrypter(JwtFixture.RSA.toRSAPublicKey()));
        assertInvalid(JwtFixture.PK_CLIENT, jwt.serialize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-jwt", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln"})
    void somethingElseIsRefused(String value) {
        assertInvalid(JwtFixture.PK_CLIENT, value);
    }

    @Test
    void theTypIsThatOfARequestObjectOrAJwt() {
        JWTClaimsSet claims = claims(JwtFixture.PK_CLIENT).build();
        String typed = JwtFixture.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(JwtFixture.RSA.getKeyID())
                .type(new JOSEObjectType("oauth-authz-req+jwt")).build(), JwtFixture.RSA, claims);
        assertEquals("profile", resolve(JwtFixture.PK_CLIENT, Map.of(), typed).param("scope"));
        assertInvalid(JwtFixture.PK_CLIENT, JwtFixture.sign(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(JwtFixture.RSA.getKeyID()).type(new JOSEObjectType("at+jwt")).build(), JwtFixture.RSA, claims));
    }

    // ---------------------------------------------------------------- claims

    @Test
    void issMustBeTheClient() {
        assertInvalid(JwtFixture.PK_CLIENT, rs256(JwtFixture.PK_CLIENT, claims(JwtFixture.PK_CLIENT)
                .issuer(JwtFixture.URI_CLIENT).build()));
    }

    @Test
    void audMustBeTheIssuerWhenPresent() {
        assertInvalid(JwtFixture.PK_CLIENT, rs256(JwtFixture.PK_CLIENT, claims(JwtFixture.PK_CLIENT)
                .audience("https://other.example").build()));
        assertEquals("profile", resolve(JwtFixture.PK_CLIENT, Map.of(), rs256(JwtFixture.PK_CLIENT,
                claims(JwtFixture.PK_CLIENT).audience((String) null).issuer(null).build())).param("scope"));
    }

    @Test
    void anExpiredObjectIsRefusedOnceTheSkewHasPassed() {
        String object = rs256(JwtFixture.PK_CLIENT, claims(JwtFixture.PK_CLIENT).build());
        f.clock.advance(java.time.Duration.ofSeconds(120 + 59));
        assertEquals("profile", resolve(JwtFixture.PK_CLIENT, Map.of(), object).param("scope"));
        f.clock.advance(java.time.Duration.ofSeconds(1));
        assertInvalid(JwtFixture.PK_CLIENT, object);
    }

    @Test
    void anObjectNotValidYetIsRefused() {
        Date later = Date.from(f.clock.instant().plusSeconds(61));
        assertInvalid(JwtFixture.PK_CLIENT, rs256(JwtFixture.PK_CLIENT, claims(JwtFixture.PK_CLIENT)
                .notBeforeTime(later).build()));
        assertInvalid(JwtFixture.PK_CLIENT, rs256(JwtFixture.PK_CLIENT, claims(JwtFixture.PK_CLIENT)
                .issueTime(later).build()));
    }

    @Test
    void theObjectsClientIdAndResponseTypeAreTheQuerys() {
        assertInvalid(JwtFixture.PK_CLIENT, rs256(JwtFixture.PK_CLIENT, claims(JwtFixture.PK_CLIENT)
                .claim("client_id", JwtFixture.URI_CLIENT).build()));
        OAuth2Error error = assertThrows(OAuth2Error.class, () -> resolve(JwtFixture.PK_CLIENT,
                Map.of("response_type", "token"), rs256(JwtFixture.PK_CLIENT, claims(JwtFixture.PK_CLIENT).build())));
        assertEquals(RequestObjects.INVALID_REQUEST_OBJECT, error.error()); // Core §6.1
    }

    @Test
    void anObjectCannotHoldAnother() {
        assertInvalid(JwtFixture.PK_CLIENT, rs256(JwtFixture.PK_CLIENT, claims(JwtFixture.PK_CLIENT)
                .claim("request", "x").build()));
        assertInvalid(JwtFixture.PK_CLIENT, rs256(JwtFixture.PK_CLIENT, claims(JwtFixture.PK_CLIENT)
                .claim("request_uri", "urn:x").build()));
    }

    @Test
    void requestAndRequestUriTogetherAreInvalidRequest() {
        OAuth2Error error = assertThrows(OAuth2Error.class, () -> resolve(JwtFixture.PK_CLIENT,
                Map.of("request_uri", "urn:ietf:params:oauth:request_uri:x"),
                rs256(JwtFixture.PK_CLIENT, claims(JwtFixture.PK_CLIENT).build())));
        assertEquals("invalid_request", error.error());
    }

    @Test
    void aClientThatRequiresSignedObjectsCannotDoWithout() {
        withMetadata(JwtFixture.PK_CLIENT, RequestObjects.REQUIRE_SIGNED, true);
        OAuth2Error error = assertThrows(OAuth2Error.class, () -> requestObjects.resolve(
                authorize(Map.of("client_id", JwtFixture.PK_CLIENT)), client(JwtFixture.PK_CLIENT)));
        assertEquals(RequestObjects.INVALID_REQUEST_OBJECT, error.error());
        OAuth2Request pushed = authorize(Map.of("client_id", JwtFixture.PK_CLIENT, "request_uri",
                "urn:ietf:params:oauth:request_uri:x"));
        assertEquals(pushed, requestObjects.resolve(pushed, client(JwtFixture.PK_CLIENT)),
                "a pushed request's object was checked when it was pushed");
    }

    // ---------------------------------------------------------------- through the server

    @Test
    void theAuthorizationEndpointReadsTheObject() {
        OAuth2Server server = server(true);
        String object = rs256(CodeClient.ID, claims(CodeClient.ID).claim("state", "xyz")
                .claim("redirect_uri", CALLBACK).build());
        AuthorizationRequest request = server.validateConsentRequest(authorize(Map.of("client_id", CodeClient.ID,
                "response_type", "code", "redirect_uri", "https://attacker.example/", "request", object)));
        assertEquals("xyz", request.state());
        assertEquals(CALLBACK, request.redirectUri(), "the query's redirect_uri is not even looked at");
        assertEquals(Set.of("profile"), request.scope());
    }

    @Test
    void aBadObjectIsNeverRedirected() {
        OAuth2Error error = assertThrows(OAuth2Error.class, () -> server(true).validateConsentRequest(authorize(
                Map.of("client_id", CodeClient.ID, "response_type", "code", "redirect_uri", CALLBACK,
                        "request", new PlainJWT(claims(CodeClient.ID).build()).serialize()))));
        assertEquals(RequestObjects.INVALID_REQUEST_OBJECT, error.error());
        assertNull(error.redirectUri());
    }

    @Test
    void withoutTheResolverAnObjectIsRequestNotSupported() {
        OAuth2Error error = assertThrows(OAuth2Error.class, () -> server(false).validateConsentRequest(authorize(
                Map.of("client_id", CodeClient.ID, "response_type", "code", "redirect_uri", CALLBACK, "request",
                        rs256(CodeClient.ID, claims(CodeClient.ID).build())))));
        assertEquals("request_not_supported", error.error());
        assertEquals(CALLBACK, error.redirectUri(), "redirected: the query's redirect_uri is registered");
    }

    @Test
    void theMetadataSayWhatIsSupported() {
        JsonObject with = MetadataEndpoint.metadata(f.settings, server(true).capabilities());
        assertTrue(with.getBoolean("request_parameter_supported"));
        assertFalse(with.getBoolean("request_uri_parameter_supported"), "the default would be true");
        assertEquals(List.of("RS256", "PS256", "ES256", "HS256", "HS384", "HS512", "none"),
                with.getJsonArray("request_object_signing_alg_values_supported").getValuesAs(
                        jakarta.json.JsonString::getString));
        JsonObject without = MetadataEndpoint.metadata(f.settings, server(false).capabilities());
        assertFalse(without.getBoolean("request_parameter_supported"));
        assertFalse(without.containsKey("request_object_signing_alg_values_supported"));
    }

    // ---------------------------------------------------------------- registration

    @Test
    void registrationKeepsTheAlgorithmAndTheRequirement() {
        JsonObject client = register("{\"grant_types\":[\"authorization_code\"],\"redirect_uris\":[\"" + CALLBACK
                + "\"],\"request_object_signing_alg\":\"ES256\",\"require_signed_request_object\":true}");
        assertEquals("ES256", client.getString(RequestObjects.SIGNING_ALG));
        assertTrue(client.getBoolean(RequestObjects.REQUIRE_SIGNED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"request_object_signing_alg\":\"RS1\"", "\"request_object_signing_alg\":\"HS256\"",
            "\"require_signed_request_object\":\"yes\""})
    void registrationRefusesWhatCannotWork(String field) {
        JsonObject error = register("{\"grant_types\":[\"authorization_code\"],\"redirect_uris\":[\"" + CALLBACK
                + "\"]," + field + "}");
        assertEquals("invalid_client_metadata", error.getString("error"));
    }

    @Test
    void anHmacAlgorithmIsForClientSecretJwtClients() {
        JsonObject client = register("{\"grant_types\":[\"authorization_code\"],\"redirect_uris\":[\"" + CALLBACK
                + "\"],\"token_endpoint_auth_method\":\"client_secret_jwt\",\"request_object_signing_alg\":\"HS256\"}");
        assertEquals("HS256", client.getString(RequestObjects.SIGNING_ALG));
    }

    // ---------------------------------------------------------------- helpers

    private JWTClaimsSet.Builder claims(String clientId) {
        return new JWTClaimsSet.Builder().issuer(clientId).audience(JwtFixture.ISSUER).claim("client_id", clientId)
                .claim("response_type", "code").claim("scope", "profile")
                .expirationTime(Date.from(f.clock.instant().plusSeconds(120))).issueTime(Date.from(f.clock.instant()))
                .jwtID(Secrets.randomToken(16));
    }

    private static String rs256(String clientId, JWTClaimsSet claims) {
        return JwtFixture.sign(JWSAlgorithm.RS256, JwtFixture.RSA, claims);
    }

    private static OAuth2Request authorize(Map<String, String> query) {
        return OAuth2Request.of("GET", JwtFixture.ISSUER + "/oauth2/authorize?" + FormUrlEncoding.format(query),
                Map.of(), null, null);
    }

    private OAuth2Request resolve(String clientId, Map<String, String> query, String object) {
        Map<String, String> all = new LinkedHashMap<>(query);
        all.put("client_id", clientId);
        all.put("request", object);
        return requestObjects.resolve(authorize(all), client(clientId));
    }

    private void assertInvalid(String clientId, String object) {
        OAuth2Error error = assertThrows(OAuth2Error.class, () -> resolve(clientId, Map.of(), object));
        assertEquals(RequestObjects.INVALID_REQUEST_OBJECT, error.error(), error.getMessage());
        assertEquals(400, error.status());
    }

    private OAuth2Client client(String clientId) {
        return f.clients.find(clientId).orElseThrow();
    }

    private void withMetadata(String clientId, String name, Object value) {
        JwtFixture.Client client = (JwtFixture.Client) client(clientId);
        var metadata = JSON.createObjectBuilder(client.metadata());
        if (value instanceof Boolean flag) {
            metadata.add(name, flag);
        } else {
            metadata.add(name, value.toString());
        }
        f.clients.add(client.withMetadata(metadata.build()));
    }

    private JsonObject register(String json) {
        return JwtFixture.json(server(true).createEndpointResponse(RegistrationEndpoint.NAME, OAuth2Request.of("POST",
                JwtFixture.ISSUER + "/oauth2/register", Map.of(), json, "application/json")).body());
    }

    @Test
    void aRequestObjectCanBePushedAndIsUsedByReference() {
        var builder = builder(true);
        PushedAuthorizationRequests.install(builder, new InMemoryPushedRequestStore(f.clock),
                PushedRequestSettings.DEFAULT);
        OAuth2Server server = builder.build();
        String assertion = JwtFixture.sign(JWSAlgorithm.RS256, JwtFixture.RSA, f.claims(CodeClient.ID)
                .audience(JwtFixture.ISSUER).build());
        String object = rs256(CodeClient.ID, claims(CodeClient.ID).claim("state", "pushed-object")
                .claim("redirect_uri", CALLBACK).build());
        OAuth2Response pushed = server.createEndpointResponse(PushedAuthorizationEndpoint.NAME, OAuth2Request.of(
                "POST", JwtFixture.ISSUER + "/oauth2/par", Map.of(), FormUrlEncoding.format(Map.of("client_id",
                        CodeClient.ID, "client_assertion_type", ClientAssertions.JWT_BEARER, "client_assertion",
                        assertion, "request", object)), FormUrlEncoding.CONTENT_TYPE));
        assertEquals(201, pushed.status(), pushed.body());
        String requestUri = JwtFixture.json(pushed).getString("request_uri");
        AuthorizationRequest request = server.validateConsentRequest(authorize(Map.of("client_id", CodeClient.ID,
                "request_uri", requestUri)));
        assertEquals("pushed-object", request.state(), "RFC 9126 §3: the object's parameters were pushed");
    }

    private OAuth2Server server(boolean withRequestObjects) {
        return builder(withRequestObjects).build();
    }

    private OAuth2ServerBuilder builder(boolean withRequestObjects) {
        f.clients.add(new CodeClient());
        var builder = OAuth2Server.builder(f.settings, TokenSettings.DEFAULT, f.clients, f.tokens, f.clock)
                .standardGrants(new dev.tollgate.oauth2.InMemoryAuthorizationCodeStore(),
                        (username, password) -> Optional.empty(), dev.tollgate.oauth2.GrantSettings.DEFAULT,
                        dev.tollgate.oauth2.PkceSettings.DEFAULT)
                .standardEndpoints(dev.tollgate.oauth2.RegistrationSettings.OPEN)
                .clientAuthentication(f.privateKeyJwt)
                .clientAuthentication(f.clientSecretJwt);
        if (withRequestObjects) {
            builder.authorizationRequestResolver(requestObjects).clientMetadata(requestObjects.registration());
        }
        return builder;
    }

    /** A confidential client of the code grant, with the fixture's RSA key. */
    private static final class CodeClient implements OAuth2Client {

        static final String ID = "code-client";

        @Override
        public String getClientId() {
            return ID;
        }

        @Override
        public String getClientSecretHash() {
            return null;
        }

        @Override
        public String getTokenEndpointAuthMethod() {
            return PrivateKeyJwt.NAME;
        }

        @Override
        public List<String> getRedirectUris() {
            return List.of(CALLBACK);
        }

        @Override
        public Set<String> getGrantTypes() {
            return Set.of("authorization_code");
        }

        @Override
        public Set<String> getResponseTypes() {
            return Set.of("code");
        }

        @Override
        public String getScope() {
            return "profile email";
        }

        @Override
        public JsonObject getMetadata() {
            return JSON.createObjectBuilder().add("jwks", JwtFixture.json(new com.nimbusds.jose.jwk.JWKSet(
                    JwtFixture.RSA.toPublicJWK()).toString())).build();
        }
    }
}
