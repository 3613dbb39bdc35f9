package dev.tollgate.jakarta.oauth2;

import dev.tollgate.common.JsonSupport;
import dev.tollgate.oauth2.ClientMetadata;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oidc.KeyEncryption;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A registered OAuth 2.0 client. Its secret is kept only as a SHA-256 hash. */
@Entity
@Table(name = "TOLLGATE_OAUTH2_CLIENT", indexes = @Index(name = "IX_TG_OAUTH2_CLIENT_USER", columnList = "USER_ID"))
public class OAuth2ClientEntity implements OAuth2Client {

    /** The primary key, so that a lookup by client id is a find, served from the shared cache. */
    @Id
    @Column(name = "CLIENT_ID", length = 128)
    private String clientId;

    @Column(name = "CLIENT_SECRET_HASH", length = 64)
    private String clientSecretHash;

    @Column(name = "CLIENT_NAME", length = 200)
    private String clientName;

    @Column(name = "TOKEN_ENDPOINT_AUTH_METHOD", nullable = false, length = 40)
    private String tokenEndpointAuthMethod;

    /** One per line. */
    @Column(name = "REDIRECT_URIS", length = 8000)
    private String redirectUris;

    /** Space-separated. */
    @Column(name = "GRANT_TYPES", length = 1000)
    private String grantTypes;

    /**
     * Each followed by a line break, as a type may hold spaces ({@code code id_token}); rows of older versions
     * are space-separated single words.
     */
    @Column(name = "RESPONSE_TYPES", length = 200)
    private String responseTypes;

    @Column(name = "SCOPE", length = 2000)
    private String scope;

    /** Whether it may introspect other clients' tokens (RFC 7662 §2.1). */
    @Column(name = "RESOURCE_SERVER", nullable = false)
    private boolean resourceServer;

    /** Who registered the client, if anyone did. */
    @Column(name = "USER_ID", length = 255)
    private String userId;

    /** Registered by the client itself (RFC 7591); {@code null} in rows of older versions. */
    @Column(name = "DYNAMICALLY_REGISTERED")
    private Boolean dynamicallyRegistered;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    /** Metadata beyond the columns above, as a JSON object (OpenID Connect's, for one); {@code null} when none. */
    @Column(name = "METADATA", length = 20000)
    private String metadata;

    @Transient
    private JsonObject parsedMetadata;

    /**
     * The secret itself, sealed ({@link KeyEncryption#sealSecret}), only for a {@code client_secret_jwt} client,
     * whose assertions are HMACs keyed with it (RFC 7523 §2.2); {@code null} for every other client.
     */
    @Column(name = "SEALED_CLIENT_SECRET", length = 1000)
    private String sealedClientSecret;

    @Transient
    private volatile String clientSecret;

    /**
     * The SHA-256 hash of the registration access token with which a dynamically registered client manages its
     * registration (RFC 7592); {@code null} for every other client, which cannot.
     */
    @Column(name = "REGISTRATION_TOKEN_HASH", length = 64)
    private String registrationTokenHash;

    /**
     * All the metadata a client registered for itself (RFC 7591 §2), as a JSON object, for the client
     * configuration endpoint (RFC 7592 §2.1); {@code null} for other clients and in rows of older versions.
     */
    @Column(name = "REGISTERED_METADATA", length = 20000)
    private String registeredMetadata;

    protected OAuth2ClientEntity() {
    }

    /**
     * @param clientSecretHash {@code Secrets.sha256(secret)}, or {@code null} for a public client
     */
    public OAuth2ClientEntity(String clientId, String clientName, String clientSecretHash,
            String tokenEndpointAuthMethod, List<String> redirectUris, Collection<String> grantTypes,
            Collection<String> responseTypes, String scope, String userId, long createdAt) {
        this.clientId = clientId;
        this.clientName = clientName;
        this.clientSecretHash = clientSecretHash;
        this.tokenEndpointAuthMethod = tokenEndpointAuthMethod;
        this.redirectUris = String.join("\n", redirectUris);
        this.grantTypes = String.join(" ", grantTypes);
        this.responseTypes = responseTypes.stream().map(type -> type + "\n").collect(Collectors.joining());
        this.scope = scope;
        this.userId = userId;
        this.createdAt = createdAt;
    }

    @Override
    public String getClientId() {
        return clientId;
    }

    @Override
    public String getClientSecretHash() {
        return clientSecretHash;
    }

    public String getClientName() {
        return clientName;
    }

    @Override
    public String getTokenEndpointAuthMethod() {
        return tokenEndpointAuthMethod;
    }

    @Override
    public List<String> getRedirectUris() {
        return split(redirectUris, "\n");
    }

    @Override
    public Set<String> getGrantTypes() {
        return new LinkedHashSet<>(split(grantTypes, " "));
    }

    @Override
    public Set<String> getResponseTypes() {
        boolean lines = responseTypes != null && responseTypes.indexOf('\n') >= 0;
        return new LinkedHashSet<>(split(responseTypes, lines ? "\n" : " "));
    }

    @Override
    public String getScope() {
        return scope;
    }

    @Override
    public boolean isResourceServer() {
        return resourceServer;
    }

    public void setResourceServer(boolean resourceServer) {
        this.resourceServer = resourceServer;
    }

    @Override
    public JsonObject getMetadata() {
        JsonObject parsed = parsedMetadata;
        if (parsed == null) {
            try (JsonReader reader = JsonSupport.JSON.createReader(new StringReader(metadata == null ? "{}" : metadata))) {
                parsed = reader.readObject();
            }
            parsedMetadata = parsed;
        }
        return parsed;
    }

    /** The secret itself, once {@link #unseal} opened it; {@code null} for a client that keeps only a hash. */
    @Override
    public String getClientSecret() {
        return clientSecret;
    }

    /** Keeps the secret itself, sealed: for a {@code client_secret_jwt} client only. */
    public void setClientSecret(String secret, KeyEncryption encryption) {
        this.sealedClientSecret = secret == null ? null : encryption.sealSecret(clientId, secret);
        this.clientSecret = secret;
    }

    /** Opens the sealed secret, if any, after a load; the store calls it. */
    public OAuth2ClientEntity unseal(KeyEncryption encryption) {
        if (sealedClientSecret != null && clientSecret == null) {
            clientSecret = encryption.openSecret(clientId, sealedClientSecret);
        }
        return this;
    }

    /** Sets the metadata beyond the columns, e.g. OpenID Connect's {@code post_logout_redirect_uris}. */
    public void setMetadata(JsonObject fields) {
        this.metadata = fields == null || fields.isEmpty() ? null : fields.toString();
        this.parsedMetadata = null;
    }

    @Override
    public boolean isDynamicallyRegistered() {
        return Boolean.TRUE.equals(dynamicallyRegistered);
    }

    public void setDynamicallyRegistered(boolean registeredByItself) {
        this.dynamicallyRegistered = registeredByItself;
    }

    /** The hash of the registration access token (RFC 7592), or {@code null}. */
    public String getRegistrationTokenHash() {
        return registrationTokenHash;
    }

    public void setRegistrationTokenHash(String registrationTokenHash) {
        this.registrationTokenHash = registrationTokenHash;
    }

    /** The metadata the client registered for itself (RFC 7591), or {@code null}. */
    public JsonObject getRegisteredMetadata() {
        if (registeredMetadata == null) {
            return null;
        }
        try (JsonReader reader = JsonSupport.JSON.createReader(new StringReader(registeredMetadata))) {
            return reader.readObject();
        }
    }

    /**
     * Replaces what a client registered for itself: the metadata and the columns read from it, as a dynamic
     * registration (RFC 7591) or its update (RFC 7592 §2.2) does.
     */
    public void setRegistered(ClientMetadata registered) {
        this.clientName = registered.clientName();
        this.tokenEndpointAuthMethod = registered.tokenEndpointAuthMethod();
        this.redirectUris = String.join("\n", registered.redirectUris());
        this.grantTypes = String.join(" ", new LinkedHashSet<>(registered.grantTypes()));
        this.responseTypes = new LinkedHashSet<>(registered.responseTypes()).stream().map(type -> type + "\n")
                .collect(Collectors.joining());
        this.scope = registered.scope();
        setMetadata(registered.additional());
        this.registeredMetadata = registered.toJson().toString();
    }

    public String getUserId() {
        return userId;
    }

    /** Epoch milliseconds. */
    public long getCreatedAt() {
        return createdAt;
    }

    private static List<String> split(String joined, String separator) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(separator));
    }
}
