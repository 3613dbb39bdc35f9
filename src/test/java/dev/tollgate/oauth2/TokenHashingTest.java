package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.json;
import static dev.tollgate.oauth2.Fixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tollgate.common.Secrets;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store only ever sees hashes: a leaked table holds no usable token. */
class TokenHashingTest {

    @Test
    void theStoreNeverSeesAPlaintextToken() {
        Fixture f = new Fixture();
        List<OAuth2Token> saved = new ArrayList<>();
        TokenStore spy = new TokenStore() {
            @Override
            public void save(OAuth2Token token) {
                saved.add(token);
                f.tokens.save(token);
            }

            @Override
            public java.util.Optional<OAuth2Token> findByAccessTokenHash(String hash) {
                return f.tokens.findByAccessTokenHash(hash);
            }

            @Override
            public java.util.Optional<OAuth2Token> findByRefreshTokenHash(String hash) {
                return f.tokens.findByRefreshTokenHash(hash);
            }

            @Override
            public boolean revoke(String hash) {
                return f.tokens.revoke(hash);
            }

            @Override
            public void revokeGrant(String grantId) {
                f.tokens.revokeGrant(grantId);
            }

            @Override
            public boolean isGrantRevoked(String grantId) {
                return f.tokens.isGrantRevoked(grantId);
            }

            @Override
            public List<String> revokeAll(String username, String clientId) {
                return f.tokens.revokeAll(username, clientId);
            }
        };
        OAuth2Server server = OAuth2Server.builder(f.settings, TokenSettings.DEFAULT, f.clients, spy, f.clock)
                .standardGrants(f.codes, (u, p) -> java.util.Optional.of(ResourceOwner.of(u)),
                        new GrantSettings(false, true), PkceSettings.DEFAULT)
                .build();
        JsonObject token = json(server.createTokenResponse(Fixture.post("/oauth2/token",
                params("grant_type", "password", "username", "alice", "password", "x"),
                Fixture.basic("demo-client", "demo-secret"))));
        String access = token.getString("access_token");
        String refresh = token.getString("refresh_token");
        assertEquals(1, saved.size());
        OAuth2Token stored = saved.get(0);
        assertEquals(Secrets.sha256(access), stored.getAccessTokenHash());
        assertEquals(Secrets.sha256(refresh), stored.getRefreshTokenHash());
        String everything = String.join("|", stored.getAccessTokenHash(), stored.getRefreshTokenHash(), stored.getClientId(),
                stored.getUsername(), stored.getScope(), stored.getGrantId(), String.valueOf(stored));
        assertFalse(everything.contains(access));
        assertFalse(everything.contains(refresh));
    }
}
