package dev.tollgate.oauth1;

/** An unknown client (RFC 5849 §3.2: 401 Unauthorized). */
public class InvalidClientError extends OAuth1Error {

    private static final long serialVersionUID = 1L;

    public InvalidClientError() {
        this("Invalid \"oauth_consumer_key\"");
    }

    public InvalidClientError(String description) {
        super("invalid_client", description, 401);
    }
}
