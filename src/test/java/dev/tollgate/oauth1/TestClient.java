package dev.tollgate.oauth1;

import java.util.List;

/** A client model for tests. */
record TestClient(String clientId, String clientSecret, String rsaPublicKey, String defaultRedirectUri,
        List<String> redirectUris) implements OAuth1Client {

    static TestClient withSecret(String clientId, String secret, String... redirectUris) {
        return new TestClient(clientId, secret, null, null, List.of(redirectUris));
    }

    @Override
    public String getClientId() {
        return clientId;
    }

    @Override
    public String getClientSecret() {
        return clientSecret;
    }

    @Override
    public String getRsaPublicKey() {
        return rsaPublicKey;
    }

    @Override
    public String getDefaultRedirectUri() {
        return defaultRedirectUri;
    }

    @Override
    public List<String> getRedirectUris() {
        return redirectUris;
    }
}
