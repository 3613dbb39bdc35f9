package dev.tollgate.oauth1;

import dev.tollgate.common.Secrets;

/** Generates tokens, secrets and verifiers; replace it to change their shape. */
public interface TokenGenerator {

    /** 32 random bytes each for token, secret and verifier, base64url-encoded. */
    TokenGenerator RANDOM = new TokenGenerator() {
        @Override
        public GeneratedToken generateToken() {
            return new GeneratedToken(Secrets.randomToken(32), Secrets.randomToken(32));
        }

        @Override
        public String generateVerifier() {
            return Secrets.randomToken(32);
        }
    };

    /** A new {@code oauth_token} and {@code oauth_token_secret}, for temporary and token credentials. */
    GeneratedToken generateToken();

    /** A new {@code oauth_verifier} (RFC 5849 §2.2). */
    String generateVerifier();
}
