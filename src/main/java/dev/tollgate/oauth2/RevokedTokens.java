package dev.tollgate.oauth2;

import java.time.Instant;

/**
 * The deny-list of access tokens revoked before they expired: what lets a validator that reads no store (of
 * self-contained JWT access tokens, RFC 9068 §4) refuse a revoked token at once, on every node. Register it with
 * {@link OAuth2ServerBuilder#revokedTokens}; the server then denies every access token it revokes, by every path:
 * RFC 7009 revocation of an access token, and of a refresh token (its grant), refresh-token rotation, a grant
 * revoked by a replayed code or refresh token (RFC 9700 §4.14.2), and {@link OAuth2Server#revokeAuthorization}.
 *
 * <p>Tokens are named by their {@link dev.tollgate.common.Secrets#sha256} hash, as in the {@link TokenStore}. An
 * entry is needed only until the token expires, when validation refuses it anyway; an implementation may keep it
 * longer, <em>never shorter</em>: an entry lost early (evicted for space, lost with a node) makes a revoked token
 * valid again. A JCache cache shared by the cluster fits: {@code deny} is {@code putIfAbsent(hash, until)} in a cache
 * whose creation expiry is at least the longest access-token lifetime ({@code TokenSettings}; or, where the provider
 * lets the expiry depend on the value, until {@code until}), with no eviction by size; {@code isDenied} is
 * {@code containsKey}. A node-local implementation is only right for a single node.
 */
public interface RevokedTokens {

    /** Denies nothing: for a server whose access tokens are all looked up in its store. */
    RevokedTokens NONE = new RevokedTokens() {
        @Override
        public void deny(String accessTokenHash, Instant until) {
        }

        @Override
        public boolean isDenied(String accessTokenHash) {
            return false;
        }

        @Override
        public String toString() {
            return "RevokedTokens.NONE";
        }
    };

    /**
     * Denies an access token until it expires; denying it again changes nothing.
     *
     * @param until the token's expiry, always in the future when the server calls it
     */
    void deny(String accessTokenHash, Instant until);

    /** Whether an access token was denied (and its entry has not yet expired). */
    boolean isDenied(String accessTokenHash);
}
