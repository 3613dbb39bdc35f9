package dev.tollgate.oidc;

/** What an authorization request needs from the resource owner before it can be answered. */
public enum Interaction {
    /** Sign in, or sign in again (no session, {@code prompt=login}, {@code max_age} passed, another user hinted). */
    LOGIN,
    /** Decide on the consent page (nothing remembered covers the scope, or {@code prompt=consent}). */
    CONSENT,
    /** Nothing: the request can be granted at once with the remembered consent. */
    NONE
}
