package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/** A client for tests; the secret is kept only as its hash, as a real store would. */
record TestClient(String clientId, String clientSecretHash, String tokenEndpointAuthMethod, List<String> redirectUris,
                  Set<String> grantTypes, Set<String> responseTypes, String scope, boolean resourceServer,
                  JsonObject metadata) implements OAuth2Client {

    static TestClient confidential(String id, String secret, String method) {
        return new TestClient(id, Secrets.sha256(secret), method, List.of(Fixture.REDIRECT_URI),
                Set.of("authorization_code", "refresh_token", "client_credentials", "password", "implicit"),
                Set.of("code", "token"), "profile email", false, JsonValue.EMPTY_JSON_OBJECT);
    }

    static TestClient publicClient(String id) {
        return new TestClient(id, null, "none", List.of(Fixture.REDIRECT_URI),
                Set.of("authorization_code", "refresh_token"), Set.of("code"), "profile email", false,
                JsonValue.EMPTY_JSON_OBJECT);
    }

    TestClient withRedirectUris(List<String> uris) {
        return new TestClient(clientId, clientSecretHash, tokenEndpointAuthMethod, uris, grantTypes, responseTypes,
                scope, resourceServer, metadata);
    }

    TestClient withGrantTypes(Set<String> types, Set<String> responses) {
        return new TestClient(clientId, clientSecretHash, tokenEndpointAuthMethod, redirectUris, types, responses,
                scope, resourceServer, metadata);
    }

    TestClient asResourceServer() {
        return new TestClient(clientId, clientSecretHash, tokenEndpointAuthMethod, redirectUris, grantTypes,
                responseTypes, scope, true, metadata);
    }

    TestClient withMetadata(JsonObject newMetadata) {
        return new TestClient(clientId, clientSecretHash, tokenEndpointAuthMethod, redirectUris, grantTypes,
                responseTypes, scope, resourceServer, newMetadata);
    }

    @Override
    public JsonObject getMetadata() {
        return metadata;
    }

    @Override
    public String getClientId() {
        return clientId;
    }

    @Override
    public String getClientSecretHash() {
        return clientSecretHash;
    }

    @Override
    public String getTokenEndpointAuthMethod() {
        return tokenEndpointAuthMethod;
    }

    @Override
    public List<String> getRedirectUris() {
        return redirectUris;
    }

    @Override
    public Set<String> getGrantTypes() {
        return grantTypes;
    }

    @Override
    public Set<String> getResponseTypes() {
        return responseTypes;
    }

    @Override
    public String getScope() {
        return scope;
    }

    @Override
    public boolean isResourceServer() {
        return resourceServer;
    }
}
