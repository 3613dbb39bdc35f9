package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.ALICE;
import static dev.tollgate.oauth2.Fixture.REDIRECT_URI;
import static dev.tollgate.oauth2.Fixture.authorizeRequest;
import static dev.tollgate.oauth2.Fixture.json;
import static dev.tollgate.oauth2.Fixture.params;
import static dev.tollgate.oauth2.Fixture.redirectParams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.Secrets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The application revokes a user's grant to a client through the core: tokens, refresh tokens and codes. */
class RevokeAuthorizationTest {

    private final List<String> revokedGrants = new ArrayList<>();
    private final Fixture f = new Fixture(o -> o.builder = b -> b.events(new OAuth2EventListener() {
        @Override
        public void grantRevoked(String grantId) {
            revokedGrants.add(grantId);
        }
    }));

    private String unredeemedCode() {
        return redirectParams(f.server.createAuthorizationResponse(authorizeRequest(params("response_type", "code",
                "client_id", "demo-client", "redirect_uri", REDIRECT_URI)), ALICE), false).get("code");
    }

    @Test
    void revokesTokensRefreshTokensAndUnredeemedCodesWithEvents() {
        String access = f.codeToken("profile").getString("access_token");
        String refresh = f.codeToken("email").getString("refresh_token");
        String code = unredeemedCode();
        String otherClients = json(f.server.createTokenResponse(Fixture.post("/oauth2/token", params(
                "grant_type", "password", "username", "alice", "password", "wonderland",
                "client_id", "demo-post-client", "client_secret", "demo-post-secret"), null))).getString("access_token");

        assertTrue(f.server.revokeAuthorization("alice", "demo-client"));

        assertTrue(f.tokens.findByAccessTokenHash(Secrets.sha256(access)).orElseThrow().isRevoked());
        assertEquals("invalid_grant", json(f.token(params("grant_type", "refresh_token", "refresh_token", refresh)))
                .getString("error"));
        assertEquals("invalid_grant", json(f.token(params("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI))).getString("error"));
        assertFalse(f.tokens.findByAccessTokenHash(Secrets.sha256(otherClients)).orElseThrow().isRevoked(),
                "another client's grant stays");
        assertTrue(revokedGrants.contains(Secrets.sha256(code)), "the unredeemed code's grant is reported");
        assertTrue(revokedGrants.size() >= 3, "two token grants and a code: " + revokedGrants);
    }

    @Test
    void nothingToRevokeSaysSoAndReportsNothing() {
        assertFalse(f.server.revokeAuthorization("alice", "demo-client"));
        assertEquals(List.of(), revokedGrants);
    }
}
