package dev.tollgate.oauth2;

import java.time.Instant;

/**
 * An authorization code (RFC 6749 §4.1.2), bound to what it was issued for: Authlib's
 * {@code AuthorizationCodeMixin}. Only the SHA-256 hash of the code is stored.
 */
public interface AuthorizationCode {

    /** The SHA-256 hash of the code; unique. */
    String getCodeHash();

    String getClientId();

    /** The {@code redirect_uri} of the authorization request, or {@code null} if it was omitted (§4.1.3). */
    String getRedirectUri();

    /** The granted scope, space-delimited. */
    String getScope();

    /** The resource owner who granted it. */
    String getUsername();

    Instant getExpiresAt();

    /** The PKCE code challenge (RFC 7636 §4.2), or {@code null}. */
    String getCodeChallenge();

    /** {@code S256} or {@code plain} when there is a challenge, else {@code null}. */
    String getCodeChallengeMethod();
}
