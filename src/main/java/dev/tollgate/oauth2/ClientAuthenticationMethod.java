package dev.tollgate.oauth2;

/**
 * A way for a client to authenticate at the token endpoint and the endpoints beside it (RFC 6749 §2.3), named
 * as in RFC 7591 §2 {@code token_endpoint_auth_method}. Each client is held to the one method it registered.
 * Register more with {@link OAuth2ServerBuilder#clientAuthentication(ClientAuthenticationMethod)}.
 */
public interface ClientAuthenticationMethod {

    String CLIENT_SECRET_BASIC = "client_secret_basic";
    String CLIENT_SECRET_POST = "client_secret_post";
    String NONE = "none";

    /** The method's name, e.g. {@code client_secret_basic}. */
    String name();

    /**
     * Whether the request carries this method's credentials. At most one method may (RFC 6749 §2.3); when none
     * does, the request is taken as a public client's ({@link #NONE}).
     */
    boolean isUsedBy(OAuth2Request request);

    /**
     * The client id the request names, or {@code null}.
     *
     * @throws OAuth2Error {@code invalid_client} for malformed credentials
     */
    String clientId(OAuth2Request request);

    /** Whether the request's credentials prove it is this client, which is registered for this method. */
    boolean verify(OAuth2Request request, OAuth2Client client);

    /** Whether clients of this method hold credentials (RFC 6749 §2.1: confidential). */
    default boolean isConfidential() {
        return true;
    }

    /**
     * Whether clients of this method are given a secret at registration (RFC 7591 §3.2.1); not those that
     * prove themselves with their own keys ({@code private_key_jwt}).
     */
    default boolean usesSecret() {
        return isConfidential();
    }

    /** The {@code WWW-Authenticate} challenge of a failure, when the method is an HTTP scheme; else {@code null}. */
    default String challenge(String realm) {
        return null;
    }
}
