package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.REDIRECT_URI;
import static dev.tollgate.oauth2.Fixture.basic;
import static dev.tollgate.oauth2.Fixture.json;
import static dev.tollgate.oauth2.Fixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.Secrets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The interleaving that used to let a token escape (RFC 6749 §4.1.2, RFC 9700 §4.14.2): a replay of a code or a
 * refresh token lands after the first use took it but before the first use stored its token. A store that
 * holds the first use's save on a latch forces exactly that order.
 */
class ReplayRaceTest {

    private final Fixture f = new Fixture();
    private final HeldSaves held = new HeldSaves(f.tokens);
    private final OAuth2Server server = OAuth2Server.builder(f.settings, TokenSettings.DEFAULT, f.clients, held, f.clock)
            .standardGrants(f.codes, (u, p) -> Optional.empty(), GrantSettings.DEFAULT, PkceSettings.DEFAULT)
            .build();
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Holds the first save until released; every other call goes straight through. */
    static final class HeldSaves implements TokenStore {

        final CountDownLatch arrived = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final TokenStore store;
        private boolean first = true;

        HeldSaves(TokenStore store) {
            this.store = store;
        }

        @Override
        public void save(OAuth2Token token) {
            boolean hold;
            synchronized (this) {
                hold = first;
                first = false;
            }
            if (hold) {
                arrived.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            store.save(token);
        }

        @Override
        public Optional<OAuth2Token> findByAccessTokenHash(String hash) {
            return store.findByAccessTokenHash(hash);
        }

        @Override
        public Optional<OAuth2Token> findByRefreshTokenHash(String hash) {
            return store.findByRefreshTokenHash(hash);
        }

        @Override
        public boolean revoke(String hash) {
            return store.revoke(hash);
        }

        @Override
        public void revokeGrant(String grantId) {
            store.revokeGrant(grantId);
        }

        @Override
        public boolean isGrantRevoked(String grantId) {
            return store.isGrantRevoked(grantId);
        }

        @Override
        public List<String> revokeAll(String username, String clientId) {
            return store.revokeAll(username, clientId);
        }
    }

    private OAuth2Response token(Map<String, String> form) {
        return server.createTokenResponse(Fixture.post("/oauth2/token", form, basic("demo-client", "demo-secret")));
    }

    /** The first use's answer, once a replay has run while the first use waited to store its token. */
    private OAuth2Response raced(Map<String, String> form) throws Exception {
        Future<OAuth2Response> first = pool.submit(() -> token(form));
        assertTrue(held.arrived.await(10, TimeUnit.SECONDS), "the first use reached its save");
        assertEquals("invalid_grant", json(token(form)).getString("error"), "the replay is refused");
        held.release.countDown();
        return first.get(10, TimeUnit.SECONDS);
    }

    private void assertNoLiveTokenOf(String grantId) {
        List<OAuth2Token> ofGrant = f.tokens.byAccessHash.values().stream()
                .filter(row -> row.grantId().equals(grantId)).map(OAuth2Token.class::cast).toList();
        assertTrue(!ofGrant.isEmpty() && ofGrant.stream().allMatch(OAuth2Token::isRevoked), ofGrant.toString());
    }

    @Test
    void aCodeReplayedWhileItsFirstUseIsStoringRevokesWhatThatUseStores() throws Exception {
        String code = f.code("demo-client", "profile", null);
        OAuth2Response first = raced(params("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI));
        assertEquals("invalid_grant", json(first).getString("error"), "the token is not handed out");
        assertNoLiveTokenOf(Secrets.sha256(code));
    }

    @Test
    void aRefreshTokenReplayedWhileItsRotationIsStoringRevokesTheNewToken() throws Exception {
        String refresh = f.codeToken("profile").getString("refresh_token");
        String grantId = f.tokens.findByRefreshTokenHash(Secrets.sha256(refresh)).orElseThrow().getGrantId();
        OAuth2Response first = raced(params("grant_type", "refresh_token", "refresh_token", refresh));
        assertEquals("invalid_grant", json(first).getString("error"), "the new token is not handed out");
        assertNoLiveTokenOf(grantId);
    }

    @Test
    void anUnknownCodeChangesNothingAndReportsNothing() {
        List<String> revoked = new java.util.ArrayList<>();
        Fixture watched = new Fixture(o -> o.builder = b -> b.events(new OAuth2EventListener() {
            @Override
            public void grantRevoked(String grantId) {
                revoked.add(grantId);
            }
        }));
        assertEquals("invalid_grant", json(watched.token(params("grant_type", "authorization_code",
                "code", "never-issued", "redirect_uri", REDIRECT_URI))).getString("error"));
        assertEquals(List.of(), revoked);
    }
}
