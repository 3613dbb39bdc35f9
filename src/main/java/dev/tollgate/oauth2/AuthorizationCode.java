package dev.tollgate.oauth2;

import java.time.Instant;
import java.util.Map;

/**
 * An authorization code (RFC 6749 §4.1.2), bound to what it was issued for: Authlib's
 * {@code AuthorizationCodeMixin}. Only the SHA-256 hash of the code is stored.
 */
public interface AuthorizationCode {

    /** The SHA-256 hash of the code; unique. It is also the grant id of the tokens issued from it. */
    String getCodeHash();

    String getClientId();

    /** The {@code redirect_uri} of the authorization request, or {@code null} if it was omitted (§4.1.3). */
    String getRedirectUri();

    /** The granted scope, space-delimited. */
    String getScope();

    /** The resource owner who granted it. */
    ResourceOwner getResourceOwner();

    Instant getExpiresAt();

    /** The authorization request's attributes, e.g. the PKCE challenge (RFC 7636 §4.4). */
    Map<String, String> getAttributes();
}
