package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.json;
import static dev.tollgate.oauth2.Fixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.FormUrlEncoding;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceProtectorTest {

    private final Fixture f = new Fixture();
    private final ResourceProtector protector =
            new ResourceProtector(new BearerTokenValidator(f.tokens, f.clock, "api"), BearerSettings.DEFAULT);

    private static OAuth2Request withAuthorization(String authorization) {
        return OAuth2Request.of("GET", "https://rs.example/api/me", Map.of("Authorization", List.of(authorization)), null, null);
    }

    private OAuth2Response failure(ResourceProtector p, OAuth2Request request, String... scopes) {
        return p.errorResponse(assertThrows(OAuth2Error.class, () -> p.validateRequest(request, scopes)));
    }

    private String accessToken(String scope) {
        return json(f.token(params("grant_type", "client_credentials", "scope", scope))).getString("access_token");
    }

    @Test
    void validTokenInTheHeaderIsReturned() {
        OAuth2Token token = protector.validateRequest(withAuthorization("Bearer " + accessToken("profile")), "profile");
        assertEquals("demo-client", token.getClientId());
        assertEquals("profile", token.getScope());
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertEquals("demo-client", protector.validateRequest(withAuthorization("bearer " + accessToken("profile"))).getClientId());
    }

    @Test
    void noTokenIs401WithABareChallenge() {
        OAuth2Response response = failure(protector, OAuth2Request.of("GET", "https://rs.example/api/me", Map.of(), null, null));
        assertEquals(401, response.status());
        assertEquals("Bearer realm=\"api\"", response.header("WWW-Authenticate"));
        assertEquals("", response.body(), "RFC 6750 §3.1: no error information without credentials");
        assertEquals(null, response.header("Content-Type"));
    }

    @Test
    void anotherSchemeCountsAsNoToken() {
        OAuth2Response response = failure(protector, withAuthorization(Fixture.basic("demo-client", "demo-secret")));
        assertEquals(401, response.status());
        assertEquals("Bearer realm=\"api\"", response.header("WWW-Authenticate"));
    }

    @Test
    void unknownTokenIsInvalidToken() {
        OAuth2Response response = failure(protector, withAuthorization("Bearer not-a-token"));
        assertEquals(401, response.status());
        assertEquals("invalid_token", json(response).getString("error"));
        assertEquals("Bearer realm=\"api\", error=\"invalid_token\", "
                + "error_description=\"The access token is invalid, expired or revoked.\"", response.header("WWW-Authenticate"));
    }

    @Test
    void expiredTokenIsInvalidToken() {
        String token = accessToken("profile");
        f.clock.advance(Duration.ofHours(1));
        assertEquals(401, failure(protector, withAuthorization("Bearer " + token)).status());
    }

    @Test
    void revokedTokenIsInvalidToken() {
        String token = accessToken("profile");
        f.server.createEndpointResponse(RevocationEndpoint.NAME, Fixture.post("/oauth2/revoke", params("token", token),
                Fixture.basic("demo-client", "demo-secret")));
        assertEquals(401, failure(protector, withAuthorization("Bearer " + token)).status());
    }

    @Test
    void missingScopeIs403WithTheScopeAttribute() {
        OAuth2Response response = failure(protector, withAuthorization("Bearer " + accessToken("email")), "profile");
        assertEquals(403, response.status());
        assertEquals("insufficient_scope", json(response).getString("error"));
        assertEquals("Bearer realm=\"api\", error=\"insufficient_scope\", "
                + "error_description=\"The access token lacks the required scope.\", scope=\"profile\"",
                response.header("WWW-Authenticate"));
    }

    @Test
    void scopeAlternativesFollowAuthlib() {
        OAuth2Request request = withAuthorization("Bearer " + accessToken("email"));
        protector.validateRequest(request, "profile", "email");           // either
        assertEquals(403, failure(protector, request, "profile email").status()); // both
        OAuth2Request both = withAuthorization("Bearer " + accessToken("profile email"));
        protector.validateRequest(both, "email profile");
        protector.validateRequest(both, "admin", "profile email");
    }

    @Test
    void malformedTokenIsInvalidRequest() {
        OAuth2Response response = failure(protector, withAuthorization("Bearer a b"));
        assertEquals(400, response.status());
        assertEquals("invalid_request", json(response).getString("error"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Az09-._~+/", "abc=", "abc==", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"})
    void b64TokensAreRead(String token) {
        assertTrue(ResourceProtector.isB64Token(token));
        assertEquals("invalid_token", json(failure(protector, withAuthorization("Bearer " + token))).getString("error"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "==", "=abc", "ab=c", "a=b=", "a b", "a,b", "a%2F", "a\"b", "é", "a\u0000"})
    void anythingElseIsMalformed(String token) {
        assertFalse(ResourceProtector.isB64Token(token));
    }

    @Test
    void theCheckAgreesWithTheGrammarOnRandomStrings() {
        Pattern grammar = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*"); // RFC 6750 §2.1 b64token
        String alphabet = "aZ09-._~+/= %\"!:;,@\u00e9\t";
        Random random = new Random(6750);
        for (int i = 0; i < 100_000; i++) {
            char[] token = new char[random.nextInt(8)];
            for (int j = 0; j < token.length; j++) {
                token[j] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String text = new String(token);
            assertEquals(grammar.matcher(text).matches(), ResourceProtector.isB64Token(text), text);
        }
    }

    @Test
    void bodyTokenOnlyWhenAllowed() {
        String token = accessToken("profile");
        OAuth2Request request = OAuth2Request.of("POST", "https://rs.example/api", Map.of(),
                FormUrlEncoding.format(params("access_token", token)), FormUrlEncoding.CONTENT_TYPE);
        assertEquals(401, failure(protector, request).status());
        ResourceProtector lenient = new ResourceProtector(new BearerTokenValidator(f.tokens, f.clock, "api"), new BearerSettings(true));
        assertEquals("demo-client", lenient.validateRequest(request).getClientId());
    }

    @Test
    void twoWaysAtOnceIsInvalidRequest() {
        String token = accessToken("profile");
        OAuth2Request request = OAuth2Request.of("POST", "https://rs.example/api",
                Map.of("Authorization", List.of("Bearer " + token)),
                FormUrlEncoding.format(params("access_token", token)), FormUrlEncoding.CONTENT_TYPE);
        ResourceProtector lenient = new ResourceProtector(new BearerTokenValidator(f.tokens, f.clock, "api"), new BearerSettings(true));
        OAuth2Response response = failure(lenient, request);
        assertEquals(400, response.status());
        assertEquals("invalid_request", json(response).getString("error"));
    }
}
