package dev.tollgate.oauth2;

/**
 * Access tokens bound to a key the client proves it holds with each request (sender-constrained tokens, RFC 9700
 * §4.10.1), presented with an authorization scheme of their own: DPoP (RFC 9449). A token bound by it carries the
 * key's thumbprint as its {@link OAuth2Token#JWK_THUMBPRINT} attribute. The server's resource protector and UserInfo
 * accept its scheme beside {@code Bearer}, and refuse a bound token sent as a bearer token. Register one with
 * {@link OAuth2ServerBuilder#senderConstraint}.
 */
public interface SenderConstraint {

    /** The authorization scheme of its tokens, e.g. {@code DPoP} (RFC 9449 §7.1). */
    String scheme();

    /**
     * Checks that a request presenting a valid access token with this scheme proves possession of the key the token
     * is bound to.
     *
     * @throws OAuth2Error 401 with this scheme's challenge ({@link #challenge}) if it does not
     */
    void verify(OAuth2Request request, String accessToken, OAuth2Token token);

    /**
     * The {@code WWW-Authenticate} challenge of this scheme for an error.
     *
     * @param error the error code, or {@code null} when the request had no credentials
     */
    String challenge(String realm, String error, String description);
}
