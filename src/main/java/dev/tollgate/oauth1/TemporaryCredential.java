package dev.tollgate.oauth1;

import dev.tollgate.common.Secrets;
import java.time.Instant;

/**
 * A temporary credential ("request token", RFC 5849 §2.1), authorized by a resource owner in §2.2
 * (Authlib's {@code TemporaryCredentialMixin}).
 */
public interface TemporaryCredential {

    /** The {@code oauth_token}. */
    String getToken();

    /** The {@code oauth_token_secret}. */
    String getSecret();

    /** The client that obtained it. */
    String getClientId();

    /** The {@code oauth_callback} it was requested with: an absolute URI or {@code oob}. */
    String getCallback();

    /** The resource owner who authorized it, or {@code null} while it is not authorized. */
    String getUserId();

    /** The {@code oauth_verifier} issued at authorization, or {@code null} while it is not authorized. */
    String getVerifier();

    /** When it stops being usable. */
    Instant getExpiresAt();

    /** Whether a resource owner authorized it: it has a user and a verifier. */
    default boolean isAuthorized() {
        return getUserId() != null && getVerifier() != null;
    }

    /** Whether {@code verifier} is the one issued, compared in constant time (RFC 5849 §2.3). */
    default boolean checkVerifier(String verifier) {
        return Secrets.constantTimeEquals(getVerifier(), verifier);
    }
}
