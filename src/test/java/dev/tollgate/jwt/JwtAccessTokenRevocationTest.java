package dev.tollgate.jwt;

import static dev.tollgate.jwt.AccessTokenFixture.JWT_CLIENT;
import static dev.tollgate.jwt.AccessTokenFixture.OPAQUE_CLIENT;
import static dev.tollgate.jwt.AccessTokenFixture.claimsOf;
import static dev.tollgate.jwt.AccessTokenFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.OAuth2ServerBuilder;
import dev.tollgate.oauth2.OAuth2Server;
import dev.tollgate.oauth2.OAuth2Token;
import dev.tollgate.oauth2.RevokedTokens;
import dev.tollgate.oauth2.TokenSettings;
import dev.tollgate.oauth2.TokenStore;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A revoked JWT access token is refused at once by a validator that reads no store: every revocation path ends on
 * the deny-list, until the token's expiry.
 */
class JwtAccessTokenRevocationTest {

    private final AccessTokenFixture f = new AccessTokenFixture();

    private void assertRefusedWithoutStoreRead(String jwt) {
        f.tokens.failReads = true;
        try {
            OAuth2Error error = f.refusal(jwt);
            assertEquals("invalid_token", error.error());
        } finally {
            f.tokens.failReads = false;
        }
    }

    private void assertAcceptedWithoutStoreRead(String jwt) {
        f.tokens.failReads = true;
        try {
            assertEquals(JWT_CLIENT, f.validate(jwt).getClientId());
        } finally {
            f.tokens.failReads = false;
        }
    }

    // RFC 7009 §2.1
    @Test
    void revokedAtTheRevocationEndpointIsRefusedAtOnce() {
        String jwt = f.codeFlow(JWT_CLIENT, "profile").getString("access_token");
        assertAcceptedWithoutStoreRead(jwt);
        OAuth2Response revoked = f.revoke(JWT_CLIENT, jwt, "access_token");
        assertEquals(200, revoked.status(), revoked.body());
        assertRefusedWithoutStoreRead(jwt);
        assertTrue(f.revoked.isDenied(Secrets.sha256(jwt)));
        assertTrue(f.tokens.stored(jwt).orElseThrow().isRevoked(), "revoked in the store as every token is");
        assertEquals(200, f.revoke(JWT_CLIENT, jwt, null).status(), "again: nothing to do");
    }

    @Test
    void theDenyListKeepsATokenUntilItsExpiryOnly() {
        String jwt = f.clientCredentials(JWT_CLIENT, "admin").getString("access_token");
        f.revoke(JWT_CLIENT, jwt, null);
        assertEquals(1, f.revoked.size());
        f.clock.advance(Duration.ofMinutes(20).minusSeconds(1));
        assertTrue(f.revoked.isDenied(Secrets.sha256(jwt)));
        f.clock.advance(Duration.ofSeconds(1));
        assertEquals(0, f.revoked.size(), "expired: refused as expired");
        assertRefusedWithoutStoreRead(jwt);
    }

    @Test
    void anotherClientCannotRevokeIt() {
        String jwt = f.codeFlow(JWT_CLIENT, "profile").getString("access_token");
        OAuth2Response refused = f.revoke(OPAQUE_CLIENT, jwt, null);
        assertEquals(400, refused.status());
        assertEquals("invalid_grant", AccessTokenFixture.json(refused).getString("error"));
        assertAcceptedWithoutStoreRead(jwt);
        assertEquals(0, f.revoked.size());
    }

    // RFC 7009 §2.1: revoking the refresh token revokes the access tokens of its grant
    @Test
    void revokingTheRefreshTokenRefusesItsAccessToken() {
        JsonObject tokens = f.codeFlow(JWT_CLIENT, "profile");
        String jwt = tokens.getString("access_token");
        assertEquals(200, f.revoke(JWT_CLIENT, tokens.getString("refresh_token"), "refresh_token").status());
        assertRefusedWithoutStoreRead(jwt);
    }

    // RFC 6749 §4.1.2: a code used twice revokes what it gave
    @Test
    void aReplayedCodeRevokesTheGrant() {
        String code = f.code(JWT_CLIENT, "profile");
        OAuth2Response first = f.redeem(JWT_CLIENT, code);
        assertEquals(200, first.status(), first.body());
        String jwt = AccessTokenFixture.json(first).getString("access_token");
        assertAcceptedWithoutStoreRead(jwt);
        OAuth2Response replay = f.redeem(JWT_CLIENT, code);
        assertEquals(400, replay.status());
        assertRefusedWithoutStoreRead(jwt);
    }

    // RFC 6749 §6, RFC 9700 §4.14.2
    @Test
    void aRefreshGivesANewJwtAndTheOldOneIsRefused() {
        JsonObject first = f.codeFlow(JWT_CLIENT, "openid profile");
        String oldJwt = first.getString("access_token");
        f.clock.advance(Duration.ofMinutes(5));
        OAuth2Response refreshed = f.refresh(JWT_CLIENT, first.getString("refresh_token"));
        assertEquals(200, refreshed.status(), refreshed.body());
        JsonObject second = AccessTokenFixture.json(refreshed);
        String newJwt = second.getString("access_token");
        assertEquals("at+jwt", parse(newJwt).getHeader().getType().getType());
        assertNotEquals(claimsOf(oldJwt).getJWTID(), claimsOf(newJwt).getJWTID());
        assertEquals("alice", claimsOf(newJwt).getSubject());
        assertEquals(f.clock.instant().plusSeconds(3600), claimsOf(newJwt).getExpirationTime().toInstant(),
                "the refresh_token grant's lifetime");
        assertAcceptedWithoutStoreRead(newJwt);
        assertRefusedWithoutStoreRead(oldJwt); // rotated out with its refresh token

        // the old refresh token again: a replay, which revokes the whole grant
        assertEquals(400, f.refresh(JWT_CLIENT, first.getString("refresh_token")).status());
        assertRefusedWithoutStoreRead(newJwt);
        assertEquals(400, f.refresh(JWT_CLIENT, second.getString("refresh_token")).status());
    }

    @Test
    void revokingAnAuthorizationRefusesItsTokens() {
        String first = f.codeFlow(JWT_CLIENT, "profile").getString("access_token");
        String second = f.codeFlow(JWT_CLIENT, "openid").getString("access_token");
        String opaque = f.codeFlow(OPAQUE_CLIENT, "profile").getString("access_token");
        assertTrue(f.server.revokeAuthorization("alice", JWT_CLIENT));
        assertRefusedWithoutStoreRead(first);
        assertRefusedWithoutStoreRead(second);
        assertEquals("alice", f.validate(opaque).getUsername(), "another client's authorization stands");
        assertFalse(f.server.revokeAuthorization("alice", JWT_CLIENT), "nothing left");
    }

    @Test
    void opaqueRevocationsAreDeniedTooAndRefusedByTheStore() {
        String opaque = f.codeFlow(OPAQUE_CLIENT, "profile").getString("access_token");
        f.revoke(OPAQUE_CLIENT, opaque, null);
        assertTrue(f.revoked.isDenied(Secrets.sha256(opaque)));
        assertEquals("invalid_token", f.refusal(opaque).error());
    }

    @Test
    void jwtAccessTokensNeedADenyList() {
        OAuth2ServerBuilder builder = OAuth2Server.builder(f.settings, TokenSettings.DEFAULT, f.clients, f.tokens,
                f.clock);
        assertThrows(IllegalArgumentException.class, () -> JwtAccessTokens.install(builder, f.keys,
                JwtAccessTokenSettings.DEFAULT, RevokedTokens.NONE));
    }

    @Test
    void aStoreThatCannotListAGrantSaysSo() {
        TokenStore minimal = new TokenStore() {
            @Override public void save(OAuth2Token token) { }
            @Override public Optional<OAuth2Token> findByAccessTokenHash(String hash) { return Optional.empty(); }
            @Override public Optional<OAuth2Token> findByRefreshTokenHash(String hash) { return Optional.empty(); }
            @Override public boolean revoke(String hash) { return false; }
            @Override public void revokeGrant(String grantId) { }
            @Override public boolean isGrantRevoked(String grantId) { return false; }
            @Override public List<String> revokeAll(String username, String clientId) { return List.of(); }
        };
        assertThrows(UnsupportedOperationException.class, () -> minimal.findUnexpiredByGrantId("g", Instant.now()));
    }
}
