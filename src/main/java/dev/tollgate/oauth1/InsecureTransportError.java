package dev.tollgate.oauth1;

/** A request that needs TLS and came over plain HTTP (RFC 5849 §3.4.4). */
public class InsecureTransportError extends OAuth1Error {

    private static final long serialVersionUID = 1L;

    public InsecureTransportError() {
        this("PLAINTEXT requires a secure transport");
    }

    public InsecureTransportError(String description) {
        super("insecure_transport", description, 400);
    }
}
