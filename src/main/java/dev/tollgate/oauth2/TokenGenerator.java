package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;

/** Makes access and refresh token strings: Authlib's {@code access_token_generator}. */
@FunctionalInterface
public interface TokenGenerator {

    /** Opaque tokens of 256 bits from a CSPRNG (RFC 6749 §10.10). */
    TokenGenerator RANDOM = context -> Secrets.randomToken(32);

    /** A new token string for what is issued; it must be unguessable and unique. */
    String generate(TokenContext context);
}
