package dev.tollgate.oauth2;

/**
 * {@code none}: a public client names itself with {@code client_id} and proves nothing (RFC 6749 §2.1,
 * RFC 7591 §2); it must have no secret. Used when a request carries no other method's credentials.
 */
public final class PublicClientAuthentication implements ClientAuthenticationMethod {

    @Override
    public String name() {
        return NONE;
    }

    /** Never claims a request: it is what is left when no other method does. */
    @Override
    public boolean isUsedBy(OAuth2Request request) {
        return false;
    }

    @Override
    public String clientId(OAuth2Request request) {
        return request.param("client_id");
    }

    @Override
    public boolean verify(OAuth2Request request, OAuth2Client client) {
        return client.getClientSecretHash() == null;
    }

    @Override
    public boolean isConfidential() {
        return false;
    }
}
