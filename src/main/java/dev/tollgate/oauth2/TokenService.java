package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The token store with the events of what happens to tokens: how the server and its grants revoke. Every
 * revocation ends on the deny-list ({@link RevokedTokens}) when the server has one: the one token revoked, or
 * the grant's unexpired tokens, read back from the store once the grant is revoked.
 */
final class TokenService implements IssuedTokens {

    private final TokenStore tokens;
    private final AuthorizationCodeStore codes;
    private final OAuth2EventListener events;
    private final RevokedTokens revoked;
    private final Clock clock;

    TokenService(TokenStore tokens, AuthorizationCodeStore codes, OAuth2EventListener events, RevokedTokens revoked,
                 Clock clock) {
        this.tokens = tokens;
        this.codes = codes;
        this.events = events;
        this.revoked = revoked;
        this.clock = clock;
    }

    TokenStore store() {
        return tokens;
    }

    @Override
    public Optional<OAuth2Token> findByRefreshToken(String refreshToken) {
        return tokens.findByRefreshTokenHash(Secrets.sha256(refreshToken));
    }

    @Override
    public boolean revoke(OAuth2Token token) {
        boolean done = tokens.revoke(token.getAccessTokenHash());
        if (done) {
            deny(List.of(token));
            events.tokenRevoked(token);
        }
        return done;
    }

    /**
     * Revokes a grant in two committed steps. The first marks every row the database shows; a token a concurrent
     * first use stores meanwhile is either seen by that use's {@link TokenGrant#confirmIssued} check (which ran
     * after the first step committed) or is already in place for the second step, which begins after it (under
     * snapshot isolation one statement would miss a row committed while it ran). The deny-list gets what the store
     * shows after the second step; a token that use stores later is denied by its own check's revocation.
     */
    @Override
    public void revokeGrant(String grantId) {
        tokens.revokeGrant(grantId);
        tokens.revokeGrant(grantId);
        denyGrant(grantId);
        events.grantRevoked(grantId);
    }

    @Override
    public boolean isGrantRevoked(String grantId) {
        return tokens.isGrantRevoked(grantId);
    }

    @Override
    public void revokeClient(String clientId) {
        List<String> grants = tokens.revokeClient(clientId);
        grants.forEach(this::denyGrant);
        grants.forEach(events::grantRevoked);
    }

    /** Revokes what a resource owner granted a client: live tokens and unredeemed codes; whether there was any. */
    boolean revokeAuthorization(String subject, String clientId) {
        List<String> grants = new ArrayList<>(codes == null ? List.of() : codes.revokeAll(subject, clientId));
        grants.addAll(tokens.revokeAll(subject, clientId)); // after the codes, so none is redeemed in between
        grants.addAll(tokens.revokeAll(subject, clientId)); // a second step, as in revokeGrant
        List<String> distinct = grants.stream().distinct().toList();
        distinct.forEach(this::denyGrant);
        distinct.forEach(events::grantRevoked);
        return !distinct.isEmpty();
    }

    // the store is read only for a server with a deny-list: others have nothing to deny
    private void denyGrant(String grantId) {
        if (revoked != RevokedTokens.NONE) {
            deny(tokens.findUnexpiredByGrantId(grantId, clock.instant()));
        }
    }

    private void deny(List<OAuth2Token> revokedTokens) {
        Instant now = clock.instant();
        for (OAuth2Token token : revokedTokens) {
            if (now.isBefore(token.getExpiresAt())) { // an expired one is refused as expired
                revoked.deny(token.getAccessTokenHash(), token.getExpiresAt());
            }
        }
    }
}
