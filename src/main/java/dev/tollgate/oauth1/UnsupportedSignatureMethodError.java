package dev.tollgate.oauth1;

/** A signature method that is unknown or not enabled (RFC 5849 §3.2: 400). */
public class UnsupportedSignatureMethodError extends OAuth1Error {

    private static final long serialVersionUID = 1L;

    public UnsupportedSignatureMethodError() {
        this("Unsupported \"oauth_signature_method\"");
    }

    public UnsupportedSignatureMethodError(String description) {
        super("unsupported_signature_method", description, 400);
    }
}
