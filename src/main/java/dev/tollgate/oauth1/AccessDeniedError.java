package dev.tollgate.oauth1;

/** The resource owner denied the authorization (Authlib's {@code access_denied}). */
public class AccessDeniedError extends OAuth1Error {

    private static final long serialVersionUID = 1L;

    public AccessDeniedError() {
        this("The resource owner or authorization server denied the request");
    }

    public AccessDeniedError(String description) {
        super("access_denied", description, 400);
    }
}
