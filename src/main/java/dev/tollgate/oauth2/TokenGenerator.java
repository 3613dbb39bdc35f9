package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import java.util.Set;

/** Makes access and refresh token strings: Authlib's {@code access_token_generator}. */
@FunctionalInterface
public interface TokenGenerator {

    /** Opaque tokens of 256 bits from a CSPRNG (RFC 6749 §10.10). */
    TokenGenerator RANDOM = (grantType, client, username, scope) -> Secrets.randomToken(32);

    /**
     * A new token string; it must be unguessable and unique.
     *
     * @param username the resource owner, or {@code null} for a client's own token
     */
    String generate(String grantType, OAuth2Client client, String username, Set<String> scope);
}
