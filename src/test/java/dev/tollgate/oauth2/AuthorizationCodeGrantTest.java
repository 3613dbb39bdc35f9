package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.ALICE;
import static dev.tollgate.oauth2.Fixture.CHALLENGE;
import static dev.tollgate.oauth2.Fixture.REDIRECT_URI;
import static dev.tollgate.oauth2.Fixture.VERIFIER;
import static dev.tollgate.oauth2.Fixture.authorizeRequest;
import static dev.tollgate.oauth2.Fixture.json;
import static dev.tollgate.oauth2.Fixture.params;
import static dev.tollgate.oauth2.Fixture.redirectParams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.Secrets;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AuthorizationCodeGrantTest {

    private final Fixture f = new Fixture();

    private OAuth2Response redeem(String code, String verifier) {
        Map<String, String> form = params("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return f.token(form);
    }

    private OAuth2Response redeemPublic(String code, String verifier) {
        Map<String, String> form = params("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
                "client_id", "demo-public");
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return f.token(form, null);
    }

    private Map<String, String> authorize(String clientId, String... pkce) {
        Map<String, String> query = params("response_type", "code", "client_id", clientId, "redirect_uri", REDIRECT_URI,
                "state", "s1");
        query.putAll(params(pkce));
        return redirectParams(f.server.createAuthorizationResponse(authorizeRequest(query), ALICE), false);
    }

    @Test
    void codeIsExchangedForTokens() {
        JsonObject token = f.codeToken("profile");
        assertEquals("Bearer", token.getString("token_type"));
        assertEquals(3600, token.getInt("expires_in"));
        assertEquals("profile", token.getString("scope"));
        assertTrue(token.containsKey("refresh_token"));
        assertEquals(43, token.getString("access_token").length()); // 256 bits, base64url
    }

    @Test
    void tokenResponseIsNotCached() {
        OAuth2Response response = redeem(f.code("demo-client", null, null), null);
        assertEquals("application/json", response.header("Content-Type"));
        assertEquals("no-store", response.header("Cache-Control"));
        assertEquals("no-cache", response.header("Pragma"));
    }

    @Test
    void missingCodeIsInvalidRequest() {
        assertEquals("invalid_request", json(f.token(params("grant_type", "authorization_code"))).getString("error"));
    }

    @Test
    void unknownCodeIsInvalidGrant() {
        assertEquals("invalid_grant", json(redeem("no-such-code", null)).getString("error"));
    }

    @Test
    void redirectUriMustMatchTheAuthorizationRequest() {
        String code = f.code("demo-client", null, null);
        OAuth2Response response = f.token(params("grant_type", "authorization_code", "code", code,
                "redirect_uri", "http://127.0.0.1:9999/callback"));
        assertEquals("invalid_grant", json(response).getString("error"));
    }

    @Test
    void codeOfAnotherClientIsInvalidGrant() {
        String code = f.code("demo-client", null, null);
        OAuth2Response response = f.token(params("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI, "client_id", "demo-post-client", "client_secret", "demo-post-secret"), null);
        assertEquals("invalid_grant", json(response).getString("error"));
    }

    @Test
    void expiredCodeIsInvalidGrant() {
        String code = f.code("demo-client", null, null);
        f.clock.advance(Duration.ofSeconds(300));
        assertEquals("invalid_grant", json(redeem(code, null)).getString("error"));
    }

    @Test
    void reusedCodeIsRefusedAndRevokesItsTokens() {
        String code = f.code("demo-client", null, null);
        JsonObject first = json(redeem(code, null));
        OAuth2Response second = redeem(code, null);
        assertEquals(400, second.status());
        assertEquals("invalid_grant", json(second).getString("error"));
        assertTrue(f.tokens.findByAccessTokenHash(Secrets.sha256(first.getString("access_token"))).orElseThrow().isRevoked());
        assertEquals("invalid_grant", json(f.token(params("grant_type", "refresh_token",
                "refresh_token", first.getString("refresh_token")))).getString("error"));
    }

    /** 32 redemptions at once are one use and 31 replays: at most one answer has a token, and it is revoked. */
    @Test
    void concurrentRedemptionsLeaveNoLiveToken() throws Exception {
        String code = f.code("demo-client", null, null);
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<OAuth2Response>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return redeem(code, null);
                }));
            }
            start.countDown();
            List<String> handedOut = new ArrayList<>();
            for (Future<OAuth2Response> result : results) {
                OAuth2Response response = result.get();
                if (response.status() == 200) {
                    handedOut.add(json(response).getString("access_token"));
                } else {
                    assertEquals("invalid_grant", json(response).getString("error"));
                }
            }
            assertTrue(handedOut.size() <= 1, handedOut.size() + " tokens handed out");
            assertTrue(f.tokens.byAccessHash.values().stream().allMatch(InMemoryTokenStore.Row::revoked));
            assertEquals(1, f.tokens.byAccessHash.size(), "one use stored a token");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pkceS256WithTheRfc7636Vector() {
        assertEquals(CHALLENGE, Pkce.s256(VERIFIER));
        String code = authorize("demo-public", "code_challenge", CHALLENGE, "code_challenge_method", "S256").get("code");
        OAuth2Response response = redeemPublic(code, VERIFIER);
        assertEquals(200, response.status(), response.body());
    }

    @Test
    void wrongVerifierIsInvalidGrant() {
        String code = authorize("demo-public", "code_challenge", CHALLENGE, "code_challenge_method", "S256").get("code");
        assertEquals("invalid_grant", json(redeemPublic(code, VERIFIER.replace('d', 'e'))).getString("error"));
    }

    @Test
    void challengeWithoutVerifierIsRefused() {
        String code = authorize("demo-client", "code_challenge", CHALLENGE, "code_challenge_method", "S256").get("code");
        assertEquals("invalid_grant", json(redeem(code, null)).getString("error"));
    }

    @Test
    void verifierWithoutChallengeIsRefused() {
        String code = f.code("demo-client", null, null);
        assertEquals("invalid_grant", json(redeem(code, VERIFIER)).getString("error"));
    }

    @Test
    void publicClientsMustUsePkce() {
        Map<String, String> p = authorize("demo-public");
        assertEquals("invalid_request", p.get("error"));
        assertEquals("s1", p.get("state"));
    }

    @Test
    void pkceCanBeRequiredOfAllClients() {
        Fixture strict = new Fixture(o -> o.pkce = new PkceSettings(true, false));
        Map<String, String> query = params("response_type", "code", "client_id", "demo-client", "redirect_uri", REDIRECT_URI);
        Map<String, String> p = redirectParams(strict.server.createAuthorizationResponse(authorizeRequest(query), ALICE), false);
        assertEquals("invalid_request", p.get("error"));
    }

    @Test
    void plainIsRefusedUnlessEnabled() {
        assertEquals("invalid_request", authorize("demo-public", "code_challenge", VERIFIER, "code_challenge_method", "plain")
                .get("error"));
        assertEquals("invalid_request", authorize("demo-public", "code_challenge", VERIFIER).get("error")); // defaults to plain
    }

    @Test
    void plainWorksWhenEnabled() {
        Fixture lax = new Fixture(o -> o.pkce = new PkceSettings(false, true));
        Map<String, String> query = params("response_type", "code", "client_id", "demo-public", "redirect_uri", REDIRECT_URI,
                "code_challenge", VERIFIER, "code_challenge_method", "plain");
        String code = redirectParams(lax.server.createAuthorizationResponse(authorizeRequest(query), ALICE), false).get("code");
        OAuth2Response response = lax.token(params("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI, "client_id", "demo-public", "code_verifier", VERIFIER), null);
        assertEquals(200, response.status(), response.body());
    }

    @Test
    void malformedChallengeOrMethodWithoutChallengeIsInvalidRequest() {
        assertEquals("invalid_request", authorize("demo-public", "code_challenge", "short", "code_challenge_method", "S256")
                .get("error"));
        assertEquals("invalid_request", authorize("demo-client", "code_challenge_method", "S256").get("error"));
        assertEquals("invalid_request", authorize("demo-public", "code_challenge", CHALLENGE, "code_challenge_method", "S512")
                .get("error"));
    }

    @Test
    void codeIsStoredAsAHashAndBoundToTheRequest() {
        String code = authorize("demo-public", "code_challenge", CHALLENGE, "code_challenge_method", "S256").get("code");
        AuthorizationCode stored = f.codes.codes.get(Secrets.sha256(code));
        assertFalse(f.codes.codes.containsKey(code));
        assertEquals("demo-public", stored.getClientId());
        assertEquals(ALICE, stored.getResourceOwner());
        assertEquals(REDIRECT_URI, stored.getRedirectUri());
        assertEquals(CHALLENGE, stored.getAttributes().get(CodeChallenge.CODE_CHALLENGE));
        assertEquals("S256", stored.getAttributes().get(CodeChallenge.CODE_CHALLENGE_METHOD));
        assertEquals(f.clock.instant().plusSeconds(300), stored.getExpiresAt());
    }

    @Test
    void publicClientGetsARefreshTokenOnlyIfRegisteredForIt() {
        String code = authorize("demo-public", "code_challenge", CHALLENGE, "code_challenge_method", "S256").get("code");
        assertTrue(json(redeemPublic(code, VERIFIER)).containsKey("refresh_token"));
        f.clients.add(TestClient.publicClient("no-refresh").withGrantTypes(java.util.Set.of("authorization_code"),
                java.util.Set.of("code")));
        String code2 = authorize("no-refresh", "code_challenge", CHALLENGE, "code_challenge_method", "S256").get("code");
        OAuth2Response response = f.token(params("grant_type", "authorization_code", "code", code2,
                "redirect_uri", REDIRECT_URI, "client_id", "no-refresh", "code_verifier", VERIFIER), null);
        assertFalse(json(response).containsKey("refresh_token"));
    }

    @Test
    void aPublicClientsCodeWithoutAChallengeIsRefused() {
        // as a code stored before PKCE was an extension would read: no attributes at all
        f.codes.save(new IssuedAuthorizationCode(Secrets.sha256("legacy-code"), "demo-public", REDIRECT_URI, "profile",
                ALICE, f.clock.instant().plusSeconds(60), Map.of()));
        JsonObject error = json(f.token(params("grant_type", "authorization_code", "code", "legacy-code",
                "redirect_uri", REDIRECT_URI, "client_id", "demo-public"), null));
        assertEquals("invalid_grant", error.getString("error"));
    }
}
