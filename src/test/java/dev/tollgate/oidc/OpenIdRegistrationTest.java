package dev.tollgate.oidc;

import static dev.tollgate.oidc.OpenIdFixture.authorizeRequest;
import static dev.tollgate.oidc.OpenIdFixture.basic;
import static dev.tollgate.oidc.OpenIdFixture.json;
import static dev.tollgate.oidc.OpenIdFixture.params;
import static dev.tollgate.oidc.OpenIdFixture.redirectParams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.tollgate.oauth2.AuthorizationRequest;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Response;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OpenID Connect Dynamic Client Registration 1.0 §2 metadata at the RFC 7591 registration endpoint. */
class OpenIdRegistrationTest {

    private static final String REDIRECT = "https://reg.example/cb";
    private static final ECKey CLIENT_KEY;

    static {
        try {
            CLIENT_KEY = new ECKeyGenerator(Curve.P_256).keyID("client-key").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final OpenIdFixture f = new OpenIdFixture();

    /** A registration of the code and hybrid flows, with more members. */
    private static String body(String more) {
        return "{\"redirect_uris\":[\"" + REDIRECT + "\"],"
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                + "\"response_types\":[\"code\",\"code id_token\",\"code token\",\"code id_token token\"],"
                + "\"scope\":\"openid profile email\"" + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private JsonObject registered(String json) {
        OAuth2Response response = f.register(json);
        assertEquals(201, response.status(), response.body());
        return json(response);
    }

    /** The code flow of a registered client up to its token response. */
    private JsonObject codeFlow(JsonObject client, String... more) {
        Map<String, String> query = params("response_type", "code", "client_id", client.getString("client_id"),
                "redirect_uri", REDIRECT, "scope", "openid profile", "nonce", "n", "state", "s");
        for (int i = 0; i < more.length; i += 2) {
            query.put(more[i], more[i + 1]);
        }
        String code = redirectParams(f.authorize(query, f.alice), false).get("code");
        OAuth2Response response = f.server.createTokenResponse(OpenIdFixture.postForm("/oauth2/token",
                params("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT),
                basic(client.getString("client_id"), client.getString("client_secret"))));
        assertEquals(200, response.status(), response.body());
        return json(response);
    }

    @Test
    void theOpenIdMetadataIsAcceptedEchoedAndKept() {
        JsonObject client = registered(body("\"id_token_signed_response_alg\":\"ES256\","
                + "\"userinfo_signed_response_alg\":\"RS256\",\"subject_type\":\"pairwise\","
                + "\"default_max_age\":3600,\"require_auth_time\":true,"
                + "\"post_logout_redirect_uris\":[\"https://reg.example/bye\"],"
                + "\"jwks\":{\"keys\":[" + CLIENT_KEY.toPublicJWK().toJSONString() + "]}"));
        assertEquals("ES256", client.getString("id_token_signed_response_alg"));
        assertEquals("RS256", client.getString("userinfo_signed_response_alg"));
        assertEquals("pairwise", client.getString("subject_type"));
        assertEquals(3600, client.getInt("default_max_age"));
        assertTrue(client.getBoolean("require_auth_time"));
        assertEquals("https://reg.example/bye", client.getJsonArray("post_logout_redirect_uris").getString(0));
        assertEquals("client-key", client.getJsonObject("jwks").getJsonArray("keys").getJsonObject(0)
                .getString("kid"));

        OAuth2Client stored = f.clients.find(client.getString("client_id")).orElseThrow();
        OpenIdClient openId = new OpenIdClient(stored);
        assertEquals(JWSAlgorithm.ES256, openId.idTokenAlgorithm(f.keys));
        assertEquals(JWSAlgorithm.RS256, openId.userInfoAlgorithm());
        assertEquals("pairwise", openId.subjectType());
        assertEquals(3600L, openId.defaultMaxAge());
        assertTrue(openId.requiresAuthTime());
        assertEquals(java.util.List.of("https://reg.example/bye"), openId.postLogoutRedirectUris());
    }

    @Test
    void aRegisteredClientGetsTheIdTokensItRegistered() {
        JsonObject client = registered(body("\"id_token_signed_response_alg\":\"ES256\","
                + "\"subject_type\":\"pairwise\",\"require_auth_time\":true"));
        JsonObject tokens = codeFlow(client);
        JWTClaimsSet claims = f.validIdToken(tokens.getString("id_token"), client.getString("client_id"),
                JWSAlgorithm.ES256, "n");
        assertNotEquals("alice", claims.getSubject(), "pairwise");
        assertTrue(claims.getClaims().containsKey("auth_time"), "Registration §2: require_auth_time");
        assertEquals(claims.getSubject(), json(f.userInfoGet(tokens.getString("access_token"))).getString("sub"));
    }

    @Test
    void aClientRegisteredPublicGetsTheLocalSubject() {
        // Core §8: public, the default, is the same sub for every client
        JsonObject client = registered(body("\"subject_type\":\"public\""));
        assertEquals("public", client.getString("subject_type"));
        JWTClaimsSet claims = f.validIdToken(codeFlow(client).getString("id_token"), client.getString("client_id"),
                JWSAlgorithm.RS256, "n");
        assertEquals("alice", claims.getSubject());
    }

    @Test
    void theDefaultMaxAgeOfARegisteredClientApplies() {
        JsonObject client = registered(body("\"default_max_age\":60"));
        Map<String, String> query = params("response_type", "code", "client_id", client.getString("client_id"),
                "redirect_uri", REDIRECT, "scope", "openid", "state", "s");
        AuthorizationRequest request = f.server.validateConsentRequest(authorizeRequest(query));
        assertEquals(60L, new OpenIdRequest(request).maxAge());
        assertEquals(Interaction.CONSENT, f.provider.interaction(request, f.alice), "signed in 30 seconds ago");
        JWTClaimsSet claims = f.validIdToken(codeFlow(client).getString("id_token"), client.getString("client_id"),
                JWSAlgorithm.RS256, "n");
        assertEquals(f.alice.authTime().getEpochSecond(), claims.getClaims().get("auth_time"));
        f.clock.advance(Duration.ofSeconds(31));
        assertEquals(Interaction.LOGIN, f.provider.interaction(request, f.alice), "default_max_age exceeded");
    }

    @Test
    void nullMembersAreIgnored() {
        JsonObject client = registered(body("\"subject_type\":null,\"default_max_age\":null,"
                + "\"id_token_encrypted_response_alg\":null,\"jwks\":null"));
        assertFalse(client.containsKey("subject_type"));
        assertFalse(client.containsKey("default_max_age"));
        assertEquals("public", new OpenIdClient(f.clients.find(client.getString("client_id")).orElseThrow())
                .subjectType());
    }

    static Stream<Arguments> invalidMetadata() {
        String privateJwks = "\"jwks\":{\"keys\":[" + CLIENT_KEY.toJSONString() + "]}";
        String publicJwks = "\"jwks\":{\"keys\":[" + CLIENT_KEY.toPublicJWK().toJSONString() + "]}";
        return Stream.of(
                Arguments.of("id_token alg none", "\"id_token_signed_response_alg\":\"none\""),
                Arguments.of("id_token alg HS256", "\"id_token_signed_response_alg\":\"HS256\""),
                Arguments.of("id_token alg not offered", "\"id_token_signed_response_alg\":\"RS512\""),
                Arguments.of("id_token alg not a string", "\"id_token_signed_response_alg\":256"),
                Arguments.of("userinfo alg HS256", "\"userinfo_signed_response_alg\":\"HS256\""),
                Arguments.of("subject_type other", "\"subject_type\":\"other\""),
                Arguments.of("default_max_age -1", "\"default_max_age\":-1"),
                Arguments.of("default_max_age a string", "\"default_max_age\":\"10\""),
                Arguments.of("default_max_age 1.5", "\"default_max_age\":1.5"),
                Arguments.of("default_max_age over 31 bits", "\"default_max_age\":2147483648"),
                Arguments.of("require_auth_time yes", "\"require_auth_time\":\"yes\""),
                Arguments.of("require_auth_time 1", "\"require_auth_time\":1"),
                Arguments.of("jwks with a private key", privateJwks),
                Arguments.of("jwks and jwks_uri", publicJwks + ",\"jwks_uri\":\"https://reg.example/jwks\""),
                Arguments.of("jwks empty", "\"jwks\":{\"keys\":[]}"),
                Arguments.of("jwks not a set", "\"jwks\":\"keys\""),
                Arguments.of("jwks_uri http", "\"jwks_uri\":\"http://reg.example/jwks\""),
                Arguments.of("sector_identifier_uri", "\"sector_identifier_uri\":\"https://reg.example/sector\""),
                Arguments.of("id_token_encrypted_response_alg", "\"id_token_encrypted_response_alg\":\"RSA-OAEP\""),
                Arguments.of("userinfo_encrypted_response_enc", "\"userinfo_encrypted_response_enc\":\"A128GCM\""),
                Arguments.of("post_logout_redirect_uris javascript",
                        "\"post_logout_redirect_uris\":[\"javascript:alert(1)\"]"),
                Arguments.of("post_logout_redirect_uris http", "\"post_logout_redirect_uris\":[\"http://reg.example/\"]"),
                Arguments.of("post_logout_redirect_uris not an array", "\"post_logout_redirect_uris\":\"https://a.b/\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMetadata")
    void invalidOpenIdMetadataIsInvalidClientMetadata(String what, String member) {
        int before = f.clients.clients.size();
        OAuth2Response response = f.register(body(member));
        assertEquals(400, response.status(), what + ": " + response.body());
        assertEquals("invalid_client_metadata", json(response).getString("error"), what);
        assertEquals(before, f.clients.clients.size(), "nothing registered");
    }

    @Test
    void aPairwiseClientNeedsItsRedirectUrisOnOneHost() {
        // Core §8.1: without sector_identifier_uri, the redirect URIs' one host is the sector
        OAuth2Response response = f.register(body("\"subject_type\":\"pairwise\"").replace(
                "[\"" + REDIRECT + "\"]", "[\"" + REDIRECT + "\",\"https://elsewhere.example/cb\"]"));
        assertEquals(400, response.status(), response.body());
        assertEquals("invalid_client_metadata", json(response).getString("error"));
        registered(body("\"subject_type\":\"pairwise\"").replace("[\"" + REDIRECT + "\"]",
                "[\"" + REDIRECT + "\",\"https://reg.example:8443/other\"]"));
    }

    @Test
    void pairwiseIsRefusedWhenTheServerHasNoSalt() {
        OpenIdFixture publicOnly = new OpenIdFixture(OpenIdSettings.DEFAULT, true);
        OAuth2Response response = publicOnly.register(body("\"subject_type\":\"pairwise\""));
        assertEquals(400, response.status());
        assertEquals("invalid_client_metadata", json(response).getString("error"));
        assertEquals(201, publicOnly.register(body("\"subject_type\":\"public\"")).status());
    }

    // RFC 7591 §2: authorization_code and code by default; OpenID Registration §2: response_types default code
    @Test
    void aRegistrationOfTheDefaultTypesIsAccepted() {
        OAuth2Response response = f.register("{\"redirect_uris\":[\"" + REDIRECT + "\"],\"scope\":\"openid\"}");
        assertEquals(201, response.status(), response.body());
        assertEquals("code", json(response).getJsonArray("response_types").getString(0));
    }

    @Test
    void aRegistrationOfTheCodeFlowOnlyIsAccepted() {
        OAuth2Response response = f.register("{\"redirect_uris\":[\"" + REDIRECT + "\"],"
                + "\"grant_types\":[\"authorization_code\"],\"response_types\":[\"code\"],\"scope\":\"openid\"}");
        assertEquals(201, response.status(), response.body());
    }
}
