package dev.tollgate.oauth2;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where issued tokens live, keyed by the SHA-256 hashes of the token strings: the store never sees a
 * usable token. Lookups by hash should be indexed.
 */
public interface TokenStore {

    void save(OAuth2Token token);

    Optional<OAuth2Token> findByAccessTokenHash(String accessTokenHash);

    Optional<OAuth2Token> findByRefreshTokenHash(String refreshTokenHash);

    /**
     * Marks one token (its access and refresh token) revoked, atomically: of concurrent calls for the
     * same token exactly one returns {@code true}. In JPA: {@code UPDATE … SET revoked = true
     * WHERE accessTokenHash = :h AND revoked = false}, returning whether one row changed.
     *
     * @return whether this call revoked it (it existed and was not yet revoked)
     */
    boolean revoke(String accessTokenHash);

    /**
     * Marks every token of a grant revoked, and as revoked with its grant: {@code UPDATE … SET revoked = true,
     * grantRevoked = true WHERE grantId = :g}.
     */
    void revokeGrant(String grantId);

    /**
     * Whether a token of the grant was revoked with its grant ({@link #revokeGrant}): a token saved after that
     * revocation is then revoked too (RFC 9700 §4.14.2).
     */
    boolean isGrantRevoked(String grantId);

    /**
     * Marks every token a resource owner granted to a client revoked, with its grant, live or not (a grant whose
     * refresh token is being rotated has no live row for a moment).
     *
     * @return the grant ids of the live tokens this call revoked
     */
    List<String> revokeAll(String username, String clientId);

    /**
     * Marks every token of a client revoked, with its grant, once its registration is deleted (RFC 7592 §2.3), so
     * that no access token it holds outlives it.
     *
     * @return the grant ids of the live tokens this call revoked; by default none, and nothing is revoked: with a
     *         store that does not implement it, a deleted client's access tokens stay valid until they expire
     */
    default List<String> revokeClient(String clientId) {
        return List.of();
    }

    /**
     * The tokens of a grant whose access token expires after {@code now}, revoked or not: what the server puts on
     * its deny-list ({@link RevokedTokens}) once it has revoked the grant, so that a revoked self-contained (JWT)
     * access token is refused without a store read. In JPA: {@code SELECT t … WHERE grantId = :g AND expiresAt >
     * :now} (the {@code grantId} index serves it). The server calls it only when it has a deny-list
     * ({@link OAuth2ServerBuilder#revokedTokens}); a store that does not implement it cannot serve such a server.
     *
     * @throws UnsupportedOperationException by default
     */
    default List<OAuth2Token> findUnexpiredByGrantId(String grantId, Instant now) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement "
                + "findUnexpiredByGrantId, which a server with a deny-list of revoked tokens needs.");
    }
}
