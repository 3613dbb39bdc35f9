package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.ALICE;
import static dev.tollgate.oauth2.Fixture.REDIRECT_URI;
import static dev.tollgate.oauth2.Fixture.authorizeRequest;
import static dev.tollgate.oauth2.Fixture.json;
import static dev.tollgate.oauth2.Fixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What ends up in a log never holds a token, a code, a secret or an initial access token. */
class ToStringTest {

    private final Fixture f = new Fixture();

    @Test
    void responsesShowNoTokenOrCode() {
        OAuth2Response tokenResponse = f.token(params("grant_type", "password", "username", "alice",
                "password", "wonderland"));
        JsonObject token = json(tokenResponse);
        assertFalse(tokenResponse.toString().contains(token.getString("access_token")));
        assertFalse(tokenResponse.toString().contains(token.getString("refresh_token")));
        assertTrue(tokenResponse.toString().contains("200"));

        OAuth2Response redirect = f.server.createAuthorizationResponse(authorizeRequest(params("response_type",
                "token", "client_id", "demo-client", "redirect_uri", REDIRECT_URI)), ALICE);
        String fragment = redirect.header("Location");
        String accessToken = Fixture.redirectParams(redirect, true).get("access_token");
        assertTrue(fragment.contains(accessToken));
        assertFalse(redirect.toString().contains(accessToken));
    }

    @Test
    void tokenResponsesShowNoToken() {
        TokenResponse response = new TokenResponse(null, TokenResponse.BEARER, "the-access-token", 3600,
                "the-refresh-token", "profile", Map.of("id_token", "the-id-token"));
        String shown = response.toString();
        assertFalse(shown.contains("the-access-token") || shown.contains("the-refresh-token")
                || shown.contains("the-id-token"), shown);
        assertTrue(shown.contains("id_token"), "the parameter names are shown");
    }

    @Test
    void authorizationResponsesShowNoCode() {
        AuthorizationResponse response = AuthorizationResponse.of(Map.of("code", "the-code"));
        assertFalse(response.toString().contains("the-code"), response.toString());
    }

    @Test
    void settingsShowNoInitialAccessToken() {
        assertFalse(new RegistrationSettings("let-me-in").toString().contains("let-me-in"));
        assertTrue(RegistrationSettings.OPEN.toString().startsWith("RegistrationSettings[initialAccessToken=none,"));
    }

    @Test
    void responseTypesAreSetsOfValues() {
        assertEquals(ResponseType.parse("code id_token"), ResponseType.parse("id_token  code"));
        assertEquals("code id_token", ResponseType.parse("id_token code").toString());
        assertTrue(ResponseType.CODE.matches(" code"));
        assertFalse(ResponseType.CODE.matches("code token"));
        assertEquals("invalid_request", org.junit.jupiter.api.Assertions.assertThrows(OAuth2Error.class,
                () -> ResponseType.parse("code code")).error());
    }
}
