package dev.tollgate.oauth1;

/** A timestamp outside the accepted window (RFC 5849 §3.2 and §3.3: 401). Authlib has no name for this case; the code follows its {@code invalid_*} pattern. */
public class InvalidTimestampError extends OAuth1Error {

    private static final long serialVersionUID = 1L;

    public InvalidTimestampError() {
        this("\"oauth_timestamp\" is outside the accepted window");
    }

    public InvalidTimestampError(String description) {
        super("invalid_timestamp", description, 401);
    }
}
