package dev.tollgate.oidc;

import static dev.tollgate.oidc.OpenIdFixture.ISSUER;
import static dev.tollgate.oidc.OpenIdFixture.REDIRECT_URI;
import static dev.tollgate.oidc.OpenIdFixture.RP;
import static dev.tollgate.oidc.OpenIdFixture.RP_SIGNED;
import static dev.tollgate.oidc.OpenIdFixture.json;
import static dev.tollgate.oidc.OpenIdFixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** UserInfo (Core §5.3) with bearer tokens (RFC 6750). */
class UserInfoEndpointTest {

    private final OpenIdFixture f = new OpenIdFixture();

    private String accessToken(String scope) {
        return f.codeFlow(RP, REDIRECT_URI, scope, f.alice).getString("access_token");
    }

    @Test
    void getWithABearerTokenAnswersSubAndTheScopesClaims() {
        OAuth2Response response = f.userInfoGet(accessToken("openid profile email"));
        assertEquals(200, response.status(), response.body());
        assertEquals("application/json", response.header("Content-Type"));
        assertEquals("no-store", response.header("Cache-Control"));
        JsonObject userInfo = json(response);
        assertEquals("alice", userInfo.getString("sub"));
        assertEquals("Alice Liddell", userInfo.getString("name"));
        assertEquals("Alice", userInfo.getString("given_name"));
        assertEquals("Liddell", userInfo.getString("family_name"));
        assertEquals("alice@example.com", userInfo.getString("email"));
        assertTrue(userInfo.getBoolean("email_verified"), "a JSON boolean, not a string");
        assertEquals(Set.of("sub", "name", "given_name", "family_name", "email", "email_verified"),
                userInfo.keySet());
    }

    @Test
    void postWithTheTokenInTheFormAnswersTheSame() {
        // RFC 6750 §2.2, Core §5.3.1
        String token = accessToken("openid email");
        OAuth2Response response = f.userInfoPost(token);
        assertEquals(200, response.status(), response.body());
        assertEquals(json(f.userInfoGet(token)), json(response));
        assertEquals(Set.of("sub", "email", "email_verified"), json(response).keySet());
    }

    @Test
    void onlyTheOpenidScopeGivesTheSubjectAlone() {
        assertEquals(Set.of("sub"), json(f.userInfoGet(accessToken("openid"))).keySet());
    }

    @Test
    void anUnknownTokenIsInvalidTokenWithAChallenge() {
        OAuth2Response response = f.userInfoGet("not-a-token");
        assertEquals(401, response.status());
        assertEquals("invalid_token", json(response).getString("error"));
        String challenge = response.header("WWW-Authenticate");
        assertNotNull(challenge);
        assertTrue(challenge.startsWith("Bearer realm="), challenge);
        assertTrue(challenge.contains("error=\"invalid_token\""), challenge); // RFC 6750 §3.1
    }

    @Test
    void anExpiredTokenIsInvalidToken() {
        String token = accessToken("openid");
        f.clock.advance(Duration.ofHours(1));
        assertEquals(401, f.userInfoGet(token).status());
    }

    @Test
    void noTokenIsAChallengeWithoutAnErrorCode() {
        OAuth2Response response = f.server.createEndpointResponse(UserInfoEndpoint.NAME,
                OpenIdFixture.get("/oauth2/userinfo", Map.of()));
        assertEquals(401, response.status());
        String challenge = response.header("WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer realm="), challenge);
        assertFalse(challenge.contains("error="), "RFC 6750 §3.1: no error code without credentials");
    }

    @Test
    void aTokenWithoutOpenidIsInsufficientScope() {
        OAuth2Response response = f.userInfoGet(accessToken("profile email"));
        assertEquals(403, response.status());
        assertEquals("insufficient_scope", json(response).getString("error"));
        String challenge = response.header("WWW-Authenticate");
        assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
        assertTrue(challenge.contains("scope=\"openid\""), challenge);
    }

    @Test
    void aClientsOwnTokenHasNoUserInfo() {
        OAuth2Response token = f.token(RP, params("grant_type", "client_credentials", "scope", "openid"));
        OAuth2Response response = f.userInfoGet(json(token).getString("access_token"));
        assertEquals(401, response.status());
        assertEquals("invalid_token", json(response).getString("error"));
        assertNotNull(response.header("WWW-Authenticate"));
    }

    @Test
    void aTokenSentTwoWaysIsInvalidRequest() {
        String token = accessToken("openid");
        OAuth2Response response = f.server.createEndpointResponse(UserInfoEndpoint.NAME,
                OpenIdFixture.postForm("/oauth2/userinfo", params("access_token", token), "Bearer " + token));
        assertEquals(400, response.status());
        assertEquals("invalid_request", json(response).getString("error"));
    }

    @Test
    void anotherMethodIsRefused() {
        String token = accessToken("openid");
        OAuth2Response response = f.server.createEndpointResponse(UserInfoEndpoint.NAME, OAuth2Request.of("DELETE",
                ISSUER + "/oauth2/userinfo", Map.of("Authorization", List.of("Bearer " + token)), null, null));
        assertEquals(400, response.status());
    }

    @Test
    void aRevokedTokenIsInvalidToken() {
        String token = accessToken("openid");
        f.server.revokeAuthorization("alice", RP);
        assertEquals(401, f.userInfoGet(token).status());
    }

    @Test
    void claimsRequestedForUserInfoInTheImplicitFlowAreAnswered() {
        Map<String, String> query = OpenIdFixture.openIdRequest("id_token token");
        query.put("scope", "openid");
        query.put("claims", "{\"userinfo\":{\"email\":null,\"address\":null,\"updated_at\":null}}");
        f.claims.extra.put("address", Map.of("locality", "Oxford", "country", "UK"));
        f.claims.extra.put("updated_at", 1_700_000_000L);
        String token = OpenIdFixture.redirectParams(f.authorize(query, f.alice), true).get("access_token");
        JsonObject userInfo = json(f.userInfoGet(token));
        assertEquals(Set.of("sub", "email", "address", "updated_at"), userInfo.keySet());
        assertEquals("Oxford", userInfo.getJsonObject("address").getString("locality"), "Core §5.1.1: a JSON object");
        assertEquals(1_700_000_000L, userInfo.getJsonNumber("updated_at").longValue(), "a JSON number");
    }

    @Test
    void aClientThatRegisteredASigningAlgorithmGetsASignedJwt() throws Exception {
        // Core §5.3.2: signed with the registered algorithm, with iss and aud
        String token = f.codeFlow(RP_SIGNED, "https://signed-rp.example/cb", "openid profile", f.alice)
                .getString("access_token");
        OAuth2Response response = f.userInfoGet(token);
        assertEquals(200, response.status(), response.body());
        assertEquals("application/jwt", response.header("Content-Type"));
        SignedJWT jwt = SignedJWT.parse(response.body());
        assertEquals(JWSAlgorithm.PS256, jwt.getHeader().getAlgorithm());
        JWK key = f.publishedKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
        assertNotNull(key, "signed with a published key");
        assertTrue(jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(),
                ((AsymmetricJWK) key).toPublicKey())));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(ISSUER, claims.getIssuer());
        assertEquals(List.of(RP_SIGNED), claims.getAudience());
        assertEquals("alice", claims.getSubject());
        assertEquals("Alice Liddell", claims.getStringClaim("name"));
    }
}
