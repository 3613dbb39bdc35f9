package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import java.time.Instant;

/** Makes access and refresh token strings: Authlib's {@code access_token_generator}. */
@FunctionalInterface
public interface TokenGenerator {

    /** Opaque tokens of 256 bits from a CSPRNG (RFC 6749 §10.10). */
    TokenGenerator RANDOM = context -> Secrets.randomToken(32);

    /** A new token string for what is issued; it must be unguessable and unique. */
    String generate(TokenContext context);

    /**
     * A new token string for what is issued at {@code issuedAt} and expires at {@code expiresAt}: the server calls
     * this one, so that a self-contained token (an RFC 9068 JWT) says the times the store keeps. By default
     * {@link #generate(TokenContext)}.
     */
    default String generate(TokenContext context, Instant issuedAt, Instant expiresAt) {
        return generate(context);
    }
}
