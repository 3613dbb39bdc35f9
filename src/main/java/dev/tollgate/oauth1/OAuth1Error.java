package dev.tollgate.oauth1;

/**
 * An OAuth 1.0a protocol error: the {@code error} code, a human-readable description and the HTTP status.
 * Turned into a response in one place, {@link OAuth1Response#error(OAuth1Error)}.
 * Codes and statuses follow RFC 5849 §3.2 and Authlib's error table.
 */
public class OAuth1Error extends Exception {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final int status;

    protected OAuth1Error(String error, String description, int status) {
        super(description);
        this.error = error;
        this.status = status;
    }

    /** The {@code error} code, e.g. {@code invalid_signature}. */
    public String error() {
        return error;
    }

    /** The {@code error_description}; may be {@code null}. */
    public String description() {
        return getMessage();
    }

    /** The HTTP status code of the response. */
    public int status() {
        return status;
    }
}
