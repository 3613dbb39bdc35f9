package dev.tollgate.oauth2;

/** {@code client_secret_post}: {@code client_id} and {@code client_secret} in the form body (RFC 6749 §2.3.1). */
public final class ClientSecretPost implements ClientAuthenticationMethod {

    @Override
    public String name() {
        return CLIENT_SECRET_POST;
    }

    @Override
    public boolean isUsedBy(OAuth2Request request) {
        return request.form("client_secret") != null;
    }

    @Override
    public String clientId(OAuth2Request request) {
        return request.form("client_id");
    }

    @Override
    public boolean verify(OAuth2Request request, OAuth2Client client) {
        return client.checkClientSecret(request.form("client_secret"));
    }
}
