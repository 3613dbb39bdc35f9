package dev.tollgate.oidc;

import static dev.tollgate.oidc.OpenIdFixture.ISSUER;
import static dev.tollgate.oidc.OpenIdFixture.REDIRECT_URI;
import static dev.tollgate.oidc.OpenIdFixture.RP;
import static dev.tollgate.oidc.OpenIdFixture.RP_SIGNED;
import static dev.tollgate.oidc.OpenIdFixture.json;
import static dev.tollgate.oidc.OpenIdFixture.openIdRequest;
import static dev.tollgate.oidc.OpenIdFixture.params;
import static dev.tollgate.oidc.OpenIdFixture.redirectParams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.CodeHash;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.ResourceOwner;
import jakarta.json.JsonObject;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ID tokens of the code, implicit, hybrid and refresh flows (Core §3.1, §3.2, §3.3, §12). */
class IdTokenFlowsTest {

    private final OpenIdFixture f = new OpenIdFixture();

    private static String atHash(JWSAlgorithm algorithm, String accessToken) {
        return AccessTokenHash.compute(new BearerAccessToken(accessToken), algorithm, null).getValue();
    }

    private static String cHash(JWSAlgorithm algorithm, String code) {
        return CodeHash.compute(new AuthorizationCode(code), algorithm, null).getValue();
    }

    // ---------------------------------------------------------------- code flow

    @Test
    void codeFlowReturnsAnIdTokenTheRelyingPartyValidates() throws ParseException {
        Map<String, String> redirect = redirectParams(f.authorize(openIdRequest("code"), f.alice), false);
        assertEquals("af0ifjsldkj", redirect.get("state"));
        assertNull(redirect.get("id_token"), "the code flow answers the code only");
        JsonObject tokens = f.redeem(RP, redirect.get("code"), REDIRECT_URI);
        String idToken = tokens.getString("id_token");
        JWTClaimsSet claims = f.validIdToken(idToken, "n-0S6_WzA2Mj"); // Core §3.1.3.7
        assertEquals(ISSUER, claims.getIssuer());
        assertEquals(List.of(RP), claims.getAudience());
        assertEquals("alice", claims.getSubject());
        assertEquals("n-0S6_WzA2Mj", claims.getStringClaim("nonce"));
        assertEquals(f.clock.instant().getEpochSecond(), claims.getIssueTime().toInstant().getEpochSecond());
        assertEquals(Duration.ofMinutes(10).toSeconds(),
                (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
        assertEquals(f.alice.authTime().getEpochSecond(), claims.getLongClaim("auth_time")); // Core §2
        assertEquals(List.of("pwd"), claims.getStringListClaim("amr"));
        assertEquals(atHash(JWSAlgorithm.RS256, tokens.getString("access_token")), claims.getStringClaim("at_hash"));
        assertNull(claims.getClaim("c_hash"));
        JWSHeader header = OpenIdFixture.parse(idToken).getHeader();
        assertEquals(JWSAlgorithm.RS256, header.getAlgorithm(), "Registration §2: RS256 by default");
        assertEquals(JOSEObjectType.JWT, header.getType());
        assertNotNull(f.publishedKeys().getKeyByKeyId(header.getKeyID()), "signed with a published key");
    }

    @Test
    void codeFlowIdTokenLeavesTheScopesClaimsToUserInfo() throws ParseException {
        // Core §5.4: with an access token, the claims of profile and email come from UserInfo
        JsonObject tokens = f.codeFlow(RP, REDIRECT_URI, "openid profile email", f.alice);
        JWTClaimsSet claims = f.validIdToken(tokens.getString("id_token"), "n");
        assertNull(claims.getClaim("name"));
        assertNull(claims.getClaim("email"));
        assertEquals("Alice Liddell", json(f.userInfoGet(tokens.getString("access_token"))).getString("name"));
    }

    @Test
    void withoutTheOpenidScopeThereIsNoIdToken() {
        JsonObject tokens = f.codeFlow(RP, REDIRECT_URI, "profile", f.alice);
        assertFalse(tokens.containsKey("id_token"), tokens.toString());
        assertNotNull(tokens.getString("access_token"));
    }

    @Test
    void authTimeIsLeftOutWhenTheAuthenticationTimeIsUnknown() {
        JsonObject tokens = f.codeFlow(RP, REDIRECT_URI, "openid", ResourceOwner.of("alice"));
        JWTClaimsSet claims = f.validIdToken(tokens.getString("id_token"), "n");
        assertNull(claims.getClaim("auth_time"));
        assertNull(claims.getClaim("amr"));
    }

    @Test
    void acrIsTheOwnersAuthenticationContext() throws ParseException {
        ResourceOwner owner = new ResourceOwner("alice", f.clock.instant(), Set.of("pwd", "otp"), "urn:mace:silver");
        JWTClaimsSet claims = f.validIdToken(f.codeFlow(RP, REDIRECT_URI, "openid", owner).getString("id_token"),
                "n");
        assertEquals("urn:mace:silver", claims.getStringClaim("acr"));
        assertEquals(Set.of("pwd", "otp"), Set.copyOf(claims.getStringListClaim("amr")));
    }

    @Test
    void aClientThatRegisteredEs256GetsEs256IdTokens() throws ParseException {
        JsonObject tokens = f.codeFlow(RP_SIGNED, "https://signed-rp.example/cb", "openid", f.alice);
        String idToken = tokens.getString("id_token");
        assertEquals(JWSAlgorithm.ES256, OpenIdFixture.parse(idToken).getHeader().getAlgorithm());
        JWTClaimsSet claims = f.validIdToken(idToken, RP_SIGNED, JWSAlgorithm.ES256, "n");
        // Core §3.1.3.6: the hash of the ID token's own JWS algorithm
        assertEquals(atHash(JWSAlgorithm.ES256, tokens.getString("access_token")), claims.getStringClaim("at_hash"));
    }

    @Test
    void theCodeFlowWithoutNonceGivesAnIdTokenWithoutNonce() {
        // Core §3.1.2.1: nonce is OPTIONAL for response_type=code
        Map<String, String> query = openIdRequest("code");
        query.remove("nonce");
        Map<String, String> redirect = redirectParams(f.authorize(query, f.alice), false);
        assertNull(redirect.get("error"), redirect.toString());
        JWTClaimsSet claims = f.validIdToken(f.redeem(RP, redirect.get("code"), REDIRECT_URI).getString("id_token"),
                null);
        assertNull(claims.getClaim("nonce"));
    }

    // Core §3.2.2.1, §3.3.2.11: nonce is REQUIRED when an ID token comes from the authorization endpoint
    @ParameterizedTest
    @ValueSource(strings = {"id_token", "id_token token", "code id_token", "code token", "code id_token token"})
    void nonceIsRequiredForTheImplicitAndHybridFlows(String responseType) {
        Map<String, String> query = openIdRequest(responseType);
        query.remove("nonce");
        Map<String, String> redirect = redirectParams(f.authorize(query, f.alice), true);
        assertEquals("invalid_request", redirect.get("error"));
        assertEquals("af0ifjsldkj", redirect.get("state"));
        assertEquals(ISSUER, redirect.get("iss"));
        assertNull(redirect.get("id_token"));
        assertNull(redirect.get("code"));
        assertNull(redirect.get("access_token"));
    }

    // ---------------------------------------------------------------- implicit flow

    @Test
    void implicitIdTokenComesInTheFragmentWithTheScopesClaims() throws ParseException {
        OAuth2Response response = f.authorize(openIdRequest("id_token"), f.alice);
        assertNull(java.net.URI.create(response.header("Location")).getRawQuery());
        Map<String, String> fragment = redirectParams(response, true);
        assertEquals(Set.of("id_token", "state", "iss"), fragment.keySet(), "no access token, no code");
        JWTClaimsSet claims = f.validIdToken(fragment.get("id_token"), "n-0S6_WzA2Mj");
        // Core §5.4: no access token, so the claims of the scope are in the ID token
        assertEquals("Alice Liddell", claims.getStringClaim("name"));
        assertEquals("Alice", claims.getStringClaim("given_name"));
        assertEquals("Liddell", claims.getStringClaim("family_name"));
        assertEquals("alice@example.com", claims.getStringClaim("email"));
        assertEquals(Boolean.TRUE, claims.getBooleanClaim("email_verified"));
        assertNull(claims.getClaim("at_hash"));
        assertNull(claims.getClaim("c_hash"));
        assertEquals(f.alice.authTime().getEpochSecond(), claims.getLongClaim("auth_time"));
    }

    @Test
    void implicitIdTokenHoldsOnlyTheClaimsOfTheGrantedScope() {
        Map<String, String> query = openIdRequest("id_token");
        query.put("scope", "openid email");
        JWTClaimsSet claims = f.validIdToken(redirectParams(f.authorize(query, f.alice), true).get("id_token"),
                "n-0S6_WzA2Mj");
        assertNotNull(claims.getClaim("email"));
        assertNull(claims.getClaim("name"), "profile was not granted");
        assertNull(claims.getClaim("family_name"));
    }

    @Test
    void implicitIdTokenTokenHasAtHashAndNoRefreshToken() throws ParseException {
        Map<String, String> fragment = redirectParams(f.authorize(openIdRequest("id_token token"), f.alice), true);
        String accessToken = fragment.get("access_token");
        assertNotNull(accessToken);
        assertEquals("Bearer", fragment.get("token_type"));
        assertNotNull(fragment.get("expires_in"));
        assertNull(fragment.get("refresh_token"), "RFC 6749 §4.2.2: never a refresh token");
        assertNull(fragment.get("code"));
        JWTClaimsSet claims = f.validIdToken(fragment.get("id_token"), "n-0S6_WzA2Mj");
        assertEquals(atHash(JWSAlgorithm.RS256, accessToken), claims.getStringClaim("at_hash")); // Core §3.2.2.10
        assertEquals(200, f.userInfoGet(accessToken).status(), "the access token serves UserInfo");
    }

    // ---------------------------------------------------------------- hybrid flow

    @Test
    void hybridCodeIdTokenHasCHashAndTheCodeRedeemsForAnotherIdToken() throws ParseException {
        Map<String, String> fragment = redirectParams(f.authorize(openIdRequest("code id_token"), f.alice), true);
        String code = fragment.get("code");
        assertNotNull(code);
        assertNull(fragment.get("access_token"));
        JWTClaimsSet front = f.validIdToken(fragment.get("id_token"), "n-0S6_WzA2Mj");
        assertEquals(cHash(JWSAlgorithm.RS256, code), front.getStringClaim("c_hash")); // Core §3.3.2.11
        assertNull(front.getClaim("at_hash"));

        JsonObject tokens = f.redeem(RP, code, REDIRECT_URI);
        JWTClaimsSet back = f.validIdToken(tokens.getString("id_token"), "n-0S6_WzA2Mj");
        // Core §3.3.3.6: iss and sub the same as in the ID token of the authorization endpoint
        assertEquals(front.getIssuer(), back.getIssuer());
        assertEquals(front.getSubject(), back.getSubject());
        assertEquals(atHash(JWSAlgorithm.RS256, tokens.getString("access_token")), back.getStringClaim("at_hash"));
        assertNull(back.getClaim("c_hash"));
    }

    @Test
    void hybridCodeIdTokenTokenHasBothHashes() throws ParseException {
        Map<String, String> fragment = redirectParams(f.authorize(openIdRequest("code id_token token"), f.alice),
                true);
        String code = fragment.get("code");
        String accessToken = fragment.get("access_token");
        assertNotNull(code);
        assertNotNull(accessToken);
        assertNull(fragment.get("refresh_token"));
        JWTClaimsSet front = f.validIdToken(fragment.get("id_token"), "n-0S6_WzA2Mj");
        assertEquals(cHash(JWSAlgorithm.RS256, code), front.getStringClaim("c_hash"));
        assertEquals(atHash(JWSAlgorithm.RS256, accessToken), front.getStringClaim("at_hash"));

        JsonObject tokens = f.redeem(RP, code, REDIRECT_URI);
        assertNotEquals(accessToken, tokens.getString("access_token"));
        assertTrue(tokens.containsKey("refresh_token"), "the token endpoint may issue one");
        JWTClaimsSet back = f.validIdToken(tokens.getString("id_token"), "n-0S6_WzA2Mj");
        assertEquals(front.getSubject(), back.getSubject());
        assertEquals(atHash(JWSAlgorithm.RS256, tokens.getString("access_token")), back.getStringClaim("at_hash"));
    }

    @Test
    void hybridCodeTokenHasNoIdTokenUntilTheCodeIsRedeemed() {
        Map<String, String> fragment = redirectParams(f.authorize(openIdRequest("code token"), f.alice), true);
        assertNotNull(fragment.get("code"));
        assertNotNull(fragment.get("access_token"));
        assertNull(fragment.get("id_token"));
        JWTClaimsSet claims = f.validIdToken(f.redeem(RP, fragment.get("code"), REDIRECT_URI).getString("id_token"),
                "n-0S6_WzA2Mj");
        assertEquals("alice", claims.getSubject());
    }

    @Test
    void aReplayedHybridCodeRevokesTheAccessTokenIssuedWithIt() {
        // RFC 6749 §4.1.2: a code used twice revokes what it issued; the front-channel token shares its grant
        Map<String, String> fragment = redirectParams(f.authorize(openIdRequest("code id_token token"), f.alice),
                true);
        JsonObject tokens = f.redeem(RP, fragment.get("code"), REDIRECT_URI);
        OAuth2Response replay = f.token(RP, params("grant_type", "authorization_code", "code", fragment.get("code"),
                "redirect_uri", REDIRECT_URI));
        assertEquals(400, replay.status());
        assertEquals("invalid_grant", json(replay).getString("error"));
        assertEquals(401, f.userInfoGet(fragment.get("access_token")).status());
        assertEquals(401, f.userInfoGet(tokens.getString("access_token")).status());
    }

    @Test
    void theHybridFlowsAnswerInTheFragmentByDefault() {
        for (String type : List.of("code id_token", "code token", "code id_token token", "id_token",
                "id_token token")) {
            OAuth2Response response = f.authorize(openIdRequest(type), f.alice);
            java.net.URI location = java.net.URI.create(response.header("Location"));
            assertNull(location.getRawQuery(), type);
            assertNotNull(location.getRawFragment(), type); // Core §3.3.2.5, §3.2.2.5
        }
    }

    @Test
    void theFlowsThatPutAnAccessTokenInTheFrontChannelNeedTheImplicitGrantEnabled() {
        OpenIdFixture strict = new OpenIdFixture(OpenIdSettings.DEFAULT, false);
        for (String type : List.of("id_token token", "code token", "code id_token token", "token")) {
            Map<String, String> redirect = redirectParams(strict.authorize(openIdRequest(type), strict.alice), false);
            assertEquals("unsupported_response_type", redirect.get("error"), type);
        }
        assertNotNull(redirectParams(strict.authorize(openIdRequest("id_token"), strict.alice), true).get("id_token"));
        assertNotNull(redirectParams(strict.authorize(openIdRequest("code id_token"), strict.alice), true)
                .get("code"));
    }

    // ---------------------------------------------------------------- refresh

    @Test
    void aRefreshedIdTokenHasTheSameSubAndAuthTimeAndNoNonce() throws ParseException {
        JsonObject first = f.redeem(RP, redirectParams(f.authorize(openIdRequest("code"), f.alice), false)
                .get("code"), REDIRECT_URI);
        JWTClaimsSet original = f.validIdToken(first.getString("id_token"), "n-0S6_WzA2Mj");
        f.clock.advance(Duration.ofMinutes(20));
        JsonObject refreshed = f.refresh(RP, first.getString("refresh_token"));
        JWTClaimsSet claims = f.validIdToken(refreshed.getString("id_token"), null);
        // Core §12.2
        assertEquals(original.getIssuer(), claims.getIssuer());
        assertEquals(original.getSubject(), claims.getSubject());
        assertEquals(original.getAudience(), claims.getAudience());
        assertEquals(original.getLongClaim("auth_time"), claims.getLongClaim("auth_time"),
                "the time of the original authentication");
        assertEquals(f.alice.authTime().getEpochSecond(), claims.getLongClaim("auth_time"));
        assertEquals(f.clock.instant().getEpochSecond(), claims.getIssueTime().toInstant().getEpochSecond(),
                "iat is the time the new ID token is issued");
        assertNull(claims.getClaim("nonce"));
        assertEquals(atHash(JWSAlgorithm.RS256, refreshed.getString("access_token")), claims.getStringClaim("at_hash"));
    }

    @Test
    void aRefreshNarrowedWithoutOpenidHasNoIdToken() {
        JsonObject first = f.codeFlow(RP, REDIRECT_URI, "openid profile", f.alice);
        OAuth2Response response = f.token(RP, params("grant_type", "refresh_token",
                "refresh_token", first.getString("refresh_token"), "scope", "profile"));
        assertEquals(200, response.status(), response.body());
        assertFalse(json(response).containsKey("id_token"));
    }

    @Test
    void aClientsOwnTokenHasNoIdToken() {
        OAuth2Response response = f.token(RP, params("grant_type", "client_credentials", "scope", "openid"));
        assertEquals(200, response.status(), response.body());
        assertFalse(json(response).containsKey("id_token"), "no end-user, no ID token");
    }

    @Test
    void theIdTokensLifetimeIsTheSettings() throws ParseException {
        OpenIdFixture shortLived = new OpenIdFixture(OpenIdSettings.DEFAULT.withIdTokenLifetime(Duration.ofMinutes(2)),
                true);
        JWTClaimsSet claims = shortLived.validIdToken(
                shortLived.codeFlow(RP, REDIRECT_URI, "openid", shortLived.alice).getString("id_token"), "n");
        assertEquals(120, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
    }
}
