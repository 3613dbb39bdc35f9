package dev.tollgate.oauth1;

/** An endpoint called with the wrong HTTP method (RFC 5849 §2.1: POST). */
public class MethodNotAllowedError extends OAuth1Error {

    private static final long serialVersionUID = 1L;

    public MethodNotAllowedError() {
        this("The HTTP method is not allowed");
    }

    public MethodNotAllowedError(String description) {
        super("method_not_allowed", description, 405);
    }
}
