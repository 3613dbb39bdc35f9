package dev.tollgate.oauth1;

/** The server cannot answer now, e.g. while its database is down (RFC 9110 §15.6.4: 503, with Retry-After). */
public class TemporarilyUnavailableError extends OAuth1Error {

    private static final long serialVersionUID = 1L;

    public TemporarilyUnavailableError() {
        super("temporarily_unavailable", "The server cannot answer now; try again shortly", 503);
    }
}
