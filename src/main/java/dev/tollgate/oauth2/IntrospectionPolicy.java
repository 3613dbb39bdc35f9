package dev.tollgate.oauth2;

/** Decides which callers of the introspection endpoint may see which tokens (RFC 7662 §4). */
@FunctionalInterface
public interface IntrospectionPolicy {

    /** Whether the authenticated {@code caller} may learn about {@code token}. */
    boolean mayIntrospect(OAuth2Client caller, OAuth2Token token);
}
