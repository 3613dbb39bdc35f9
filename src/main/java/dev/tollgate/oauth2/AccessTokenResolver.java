package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells what a presented access token stands for: the seam through which the server's resource protector
 * ({@link OAuth2Server#resourceProtector}) and the introspection endpoint read access tokens. The default looks the
 * token up in the {@link TokenStore} by its hash ({@link #store}); a self-contained token (an RFC 9068 JWT) can be
 * validated locally instead, with {@link OAuth2ServerBuilder#accessTokenResolver}.
 */
@FunctionalInterface
public interface AccessTokenResolver {

    /**
     * The token a presented access token string stands for, if it is one of this server's and usable at
     * {@code now}: not expired, not revoked. Its {@link OAuth2Token#getAccessTokenHash()} is the
     * {@link Secrets#sha256} of the string, as for stored tokens.
     */
    Optional<OAuth2Token> resolve(String accessToken, Instant now);

    /** Looks a token up in the store by the SHA-256 hash of the string: the server's default. */
    static AccessTokenResolver store(TokenStore tokens) {
        Objects.requireNonNull(tokens, "tokens");
        return (accessToken, now) -> tokens.findByAccessTokenHash(Secrets.sha256(accessToken))
                .filter(token -> token.isAccessTokenActive(now));
    }
}
