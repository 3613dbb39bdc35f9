package dev.tollgate.oauth1;

/** A malformed request: bad syntax, bad value or over a size limit (RFC 5849 §3.2: 400 Bad Request). */
public class InvalidRequestError extends OAuth1Error {

    private static final long serialVersionUID = 1L;

    public InvalidRequestError(String description) {
        super("invalid_request", description, 400);
    }
}
