package dev.tollgate.oauth1;

/** A token credential ("access token", RFC 5849 §2.3) (Authlib's {@code TokenCredentialMixin}). */
public interface TokenCredential {

    /** The {@code oauth_token}. */
    String getToken();

    /** The {@code oauth_token_secret}. */
    String getSecret();

    /** The client it was issued to. */
    String getClientId();

    /** The resource owner who authorized it. */
    String getUserId();
}
