package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.basic;
import static dev.tollgate.oauth2.Fixture.json;
import static dev.tollgate.oauth2.Fixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.Secrets;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevocationEndpointTest {

    private final Fixture f = new Fixture();

    private OAuth2Response revoke(Map<String, String> form, String authorization) {
        return f.server.createEndpointResponse(RevocationEndpoint.NAME, Fixture.post("/oauth2/revoke", form, authorization));
    }

    private OAuth2Response revoke(Map<String, String> form) {
        return revoke(form, basic("demo-client", "demo-secret"));
    }

    private boolean revoked(String accessToken) {
        return f.tokens.findByAccessTokenHash(Secrets.sha256(accessToken)).orElseThrow().isRevoked();
    }

    @Test
    void revokingAnAccessTokenRevokesIt() {
        JsonObject token = f.codeToken(null);
        OAuth2Response response = revoke(params("token", token.getString("access_token")));
        assertEquals(200, response.status());
        assertTrue(revoked(token.getString("access_token")));
    }

    @Test
    void revokingARefreshTokenRevokesTheAccessTokensOfItsGrant() {
        JsonObject first = f.codeToken(null);
        JsonObject second = json(f.token(params("grant_type", "refresh_token", "refresh_token", first.getString("refresh_token"))));
        assertEquals(200, revoke(params("token", second.getString("refresh_token"), "token_type_hint", "refresh_token")).status());
        assertTrue(revoked(second.getString("access_token")));
    }

    @Test
    void unknownTokenIs200() {
        OAuth2Response response = revoke(params("token", "no-such-token"));
        assertEquals(200, response.status());
        assertEquals("{}", response.body());
    }

    @Test
    void hintOnlySpeedsTheLookupAndAnInvalidHintIsIgnored() {
        JsonObject token = f.codeToken(null);
        assertEquals(200, revoke(params("token", token.getString("access_token"), "token_type_hint", "refresh_token")).status());
        assertTrue(revoked(token.getString("access_token")));
        JsonObject other = f.codeToken(null);
        assertEquals(200, revoke(params("token", other.getString("access_token"), "token_type_hint", "bogus")).status());
        assertTrue(revoked(other.getString("access_token")));
    }

    @Test
    void anotherClientsTokenIsNotRevoked() {
        JsonObject token = f.codeToken(null);
        OAuth2Response response = revoke(params("token", token.getString("access_token"), "client_id", "demo-post-client",
                "client_secret", "demo-post-secret"), null);
        assertEquals("invalid_grant", json(response).getString("error"));
        assertFalse(revoked(token.getString("access_token")));
    }

    @Test
    void clientAuthenticationIsRequired() {
        JsonObject token = f.codeToken(null);
        OAuth2Response response = revoke(params("token", token.getString("access_token")), basic("demo-client", "wrong"));
        assertEquals(401, response.status());
        assertFalse(revoked(token.getString("access_token")));
    }

    @Test
    void missingTokenIsInvalidRequest() {
        assertEquals("invalid_request", json(revoke(params())).getString("error"));
    }
}
