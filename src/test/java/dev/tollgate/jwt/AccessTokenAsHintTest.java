package dev.tollgate.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 8725 §3.11: an access token signed with the same keys is never taken for an ID token. */
class AccessTokenAsHintTest {

    private final AccessTokenFixture f = new AccessTokenFixture();

    private OAuth2Request logout(String hint) {
        return OAuth2Request.of("GET", AccessTokenFixture.ISSUER + "/oauth2/logout?id_token_hint=" + hint, Map.of(),
                "", null);
    }

    @Test
    void anAccessTokenIsNotAnIdTokenHint() {
        JsonObject tokens = f.codeFlow(AccessTokenFixture.JWT_CLIENT, "openid profile");
        assertEquals(AccessTokenFixture.JWT_CLIENT, f.provider.validateLogoutRequest(logout(
                tokens.getString("id_token"))).client().getClientId(), "the ID token is a hint");
        OAuth2Error error = assertThrows(OAuth2Error.class,
                () -> f.provider.validateLogoutRequest(logout(tokens.getString("access_token"))));
        assertEquals("invalid_request", error.error());
    }
}
