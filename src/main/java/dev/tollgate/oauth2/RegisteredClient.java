package dev.tollgate.oauth2;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A client created by dynamic registration (RFC 7591 §3.2.1), as handed to {@link ClientStore#save}.
 *
 * @param clientSecretHash the SHA-256 hash of the secret, or {@code null} for a public client
 * @param clientSecret     the secret itself, only for a {@code client_secret_jwt} client (an HMAC key); else
 *                         {@code null}
 * @param registrationAccessTokenHash the SHA-256 hash of the registration access token with which the client
 *                         manages its registration (RFC 7592 §3), or {@code null} if it cannot
 */
public record RegisteredClient(String clientId, String clientSecretHash, Instant clientIdIssuedAt,
                               ClientMetadata metadata, String clientSecret, String registrationAccessTokenHash)
        implements OAuth2Client {

    /** A client without a registration access token. */
    public RegisteredClient(String clientId, String clientSecretHash, Instant clientIdIssuedAt,
                            ClientMetadata metadata, String clientSecret) {
        this(clientId, clientSecretHash, clientIdIssuedAt, metadata, clientSecret, null);
    }

    /** A client whose secret, if any, is kept only as a hash. */
    public RegisteredClient(String clientId, String clientSecretHash, Instant clientIdIssuedAt,
                            ClientMetadata metadata) {
        this(clientId, clientSecretHash, clientIdIssuedAt, metadata, null, null);
    }

    /** This client with other metadata and another registration access token (RFC 7592 §2.2). */
    public RegisteredClient withMetadata(ClientMetadata newMetadata, String newRegistrationAccessTokenHash) {
        return new RegisteredClient(clientId, clientSecretHash, clientIdIssuedAt, newMetadata, clientSecret,
                newRegistrationAccessTokenHash);
    }

    @Override
    public String getClientSecret() {
        return clientSecret;
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "RegisteredClient[clientId=" + clientId + ", method=" + metadata.tokenEndpointAuthMethod() + "]";
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
        return metadata.tokenEndpointAuthMethod();
    }

    @Override
    public List<String> getRedirectUris() {
        return metadata.redirectUris();
    }

    @Override
    public Set<String> getGrantTypes() {
        return Set.copyOf(metadata.grantTypes());
    }

    @Override
    public Set<String> getResponseTypes() {
        return Set.copyOf(metadata.responseTypes());
    }

    @Override
    public String getScope() {
        return metadata.scope();
    }

    @Override
    public JsonObject getMetadata() {
        return metadata.additional();
    }

    @Override
    public boolean isDynamicallyRegistered() {
        return true;
    }
}
