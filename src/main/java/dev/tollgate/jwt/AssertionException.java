package dev.tollgate.jwt;

/**
 * Why an assertion was refused, in words safe to send back: never the assertion or a claim of it. Callers turn it
 * into {@code invalid_client} (client authentication) or {@code invalid_grant} (an authorization grant).
 */
final class AssertionException extends Exception {

    private static final long serialVersionUID = 1L;

    AssertionException(String description) {
        super(description, null, false, false);
    }
}
