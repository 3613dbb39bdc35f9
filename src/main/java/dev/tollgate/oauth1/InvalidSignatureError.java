package dev.tollgate.oauth1;

/** A signature that does not verify (RFC 5849 §3.2: 401). */
public class InvalidSignatureError extends OAuth1Error {

    private static final long serialVersionUID = 1L;

    public InvalidSignatureError() {
        this("Invalid \"oauth_signature\"");
    }

    public InvalidSignatureError(String description) {
        super("invalid_signature", description, 401);
    }
}
