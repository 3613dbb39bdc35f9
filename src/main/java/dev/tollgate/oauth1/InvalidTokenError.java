package dev.tollgate.oauth1;

/** An unknown, expired, foreign or spent token (RFC 5849 §3.2: 401). */
public class InvalidTokenError extends OAuth1Error {

    private static final long serialVersionUID = 1L;

    public InvalidTokenError() {
        this("Invalid or expired \"oauth_token\" in parameters");
    }

    public InvalidTokenError(String description) {
        super("invalid_token", description, 401);
    }
}
