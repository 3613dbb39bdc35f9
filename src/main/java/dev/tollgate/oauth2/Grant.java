package dev.tollgate.oauth2;

/**
 * A grant type (RFC 6749 §1.3): served at the authorization endpoint ({@link AuthorizationGrant}), the token
 * endpoint ({@link TokenGrant}) or both. Register it with {@link OAuth2ServerBuilder#grant}.
 */
public interface Grant {

    /** The grant type, e.g. {@code authorization_code}; its extensions are registered under it. */
    String grantType();
}
