package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.json;
import static dev.tollgate.oauth2.Fixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.Secrets;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshTokenGrantTest {

    private final Fixture f = new Fixture();

    private OAuth2Response refresh(String refreshToken, String... extra) {
        java.util.Map<String, String> form = params("grant_type", "refresh_token", "refresh_token", refreshToken);
        form.putAll(params(extra));
        return f.token(form);
    }

    private OAuth2Token stored(JsonObject token) {
        return f.tokens.findByAccessTokenHash(Secrets.sha256(token.getString("access_token"))).orElseThrow();
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        JsonObject first = f.codeToken("profile email");
        JsonObject second = json(refresh(first.getString("refresh_token")));
        assertNotEquals(first.getString("refresh_token"), second.getString("refresh_token"));
        assertEquals("email profile", second.getString("scope"));
        assertTrue(stored(first).isRevoked());
        assertFalse(stored(second).isRevoked());
        assertEquals(stored(first).getGrantId(), stored(second).getGrantId());
        assertEquals("alice", stored(second).getUsername());
    }

    @Test
    void replayOfARotatedOutRefreshTokenRevokesTheGrant() {
        JsonObject first = f.codeToken(null);
        JsonObject second = json(refresh(first.getString("refresh_token")));
        OAuth2Response replay = refresh(first.getString("refresh_token"));
        assertEquals("invalid_grant", json(replay).getString("error"));
        assertTrue(stored(second).isRevoked());
        assertEquals("invalid_grant", json(refresh(second.getString("refresh_token"))).getString("error"));
    }

    @Test
    void scopeCanNarrow() {
        JsonObject first = f.codeToken("profile email");
        assertEquals("profile", json(refresh(first.getString("refresh_token"), "scope", "profile")).getString("scope"));
    }

    // RFC 6749 §6: the new refresh token's scope is the old one's, however the access token was narrowed
    @Test
    void aNarrowedRefreshKeepsTheRefreshTokensScope() {
        JsonObject first = f.codeToken("profile email");
        JsonObject narrowed = json(refresh(first.getString("refresh_token"), "scope", "profile"));
        assertEquals("profile", narrowed.getString("scope"));
        assertEquals("email profile", stored(narrowed).getRefreshTokenScope());
        JsonObject again = json(refresh(narrowed.getString("refresh_token")));
        assertEquals("email profile", again.getString("scope"));
        JsonObject other = json(refresh(again.getString("refresh_token"), "scope", "email"));
        assertEquals("email", other.getString("scope"));
    }

    @Test
    void scopeCannotWiden() {
        JsonObject first = f.codeToken("profile");
        OAuth2Response response = refresh(first.getString("refresh_token"), "scope", "profile email");
        assertEquals("invalid_scope", json(response).getString("error"));
        assertFalse(stored(first).isRevoked());
    }

    @Test
    void missingRefreshTokenIsInvalidRequest() {
        assertEquals("invalid_request", json(f.token(params("grant_type", "refresh_token"))).getString("error"));
    }

    @Test
    void unknownRefreshTokenIsInvalidGrant() {
        assertEquals("invalid_grant", json(refresh("nope")).getString("error"));
    }

    @Test
    void anotherClientsRefreshTokenIsInvalidGrant() {
        JsonObject first = f.codeToken(null);
        OAuth2Response response = f.token(params("grant_type", "refresh_token", "refresh_token",
                first.getString("refresh_token"), "client_id", "demo-post-client", "client_secret", "demo-post-secret"), null);
        assertEquals("invalid_grant", json(response).getString("error"));
        assertFalse(stored(first).isRevoked());
    }

    @Test
    void expiredRefreshTokenIsInvalidGrant() {
        JsonObject first = f.codeToken(null);
        f.clock.advance(Duration.ofDays(14));
        assertEquals("invalid_grant", json(refresh(first.getString("refresh_token"))).getString("error"));
    }

    @Test
    void withoutRotationTheOldRefreshTokenStaysValid() {
        Fixture noRotation = new Fixture(o -> o.tokens = TokenSettings.DEFAULT.withRefreshTokenRotation(false));
        JsonObject first = noRotation.codeToken(null);
        String refreshToken = first.getString("refresh_token");
        for (int i = 0; i < 2; i++) {
            OAuth2Response response = noRotation.token(params("grant_type", "refresh_token", "refresh_token", refreshToken));
            assertEquals(200, response.status(), response.body());
            assertFalse(json(response).containsKey("refresh_token"));
        }
    }
}
