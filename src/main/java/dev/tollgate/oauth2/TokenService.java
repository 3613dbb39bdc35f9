package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The token store with the events of what happens to tokens: how the server and its grants revoke. */
final class TokenService implements IssuedTokens {

    private final TokenStore tokens;
    private final AuthorizationCodeStore codes;
    private final OAuth2EventListener events;

    TokenService(TokenStore tokens, AuthorizationCodeStore codes, OAuth2EventListener events) {
        this.tokens = tokens;
        this.codes = codes;
        this.events = events;
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
        boolean revoked = tokens.revoke(token.getAccessTokenHash());
        if (revoked) {
            events.tokenRevoked(token);
        }
        return revoked;
    }

    /**
     * Revokes a grant in two committed steps. The first marks every row the database shows; a token a concurrent
     * first use stores meanwhile is either seen by that use's {@link TokenGrant#confirmIssued} check (which ran
     * after the first step committed) or is already in place for the second step, which begins after it (under
     * snapshot isolation one statement would miss a row committed while it ran).
     */
    @Override
    public void revokeGrant(String grantId) {
        tokens.revokeGrant(grantId);
        tokens.revokeGrant(grantId);
        events.grantRevoked(grantId);
    }

    @Override
    public boolean isGrantRevoked(String grantId) {
        return tokens.isGrantRevoked(grantId);
    }

    /** Revokes what a resource owner granted a client: live tokens and unredeemed codes; whether there was any. */
    boolean revokeAuthorization(String subject, String clientId) {
        List<String> grants = new ArrayList<>(codes == null ? List.of() : codes.revokeAll(subject, clientId));
        grants.addAll(tokens.revokeAll(subject, clientId)); // after the codes, so none is redeemed in between
        grants.addAll(tokens.revokeAll(subject, clientId)); // a second step, as in revokeGrant
        grants.stream().distinct().forEach(events::grantRevoked);
        return !grants.isEmpty();
    }
}
