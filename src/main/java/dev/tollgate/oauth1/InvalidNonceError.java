package dev.tollgate.oauth1;

/** A nonce already used with the same client, token and timestamp (RFC 5849 §3.2: 401). */
public class InvalidNonceError extends OAuth1Error {

    private static final long serialVersionUID = 1L;

    public InvalidNonceError() {
        this("Used \"oauth_nonce\"");
    }

    public InvalidNonceError(String description) {
        super("invalid_nonce", description, 401);
    }
}
