package dev.tollgate.jakarta.oauth2.it;

import dev.tollgate.oauth2.OAuth2Client;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An application's own OAuth 2.0 client entity, used instead of Tollgate's. */
@Entity
@Table(name = "APP_CLIENT")
public class AppClient implements OAuth2Client {

    @Id
    private String clientId;

    private String secretHash;

    private String authMethod;

    private String redirectUri;

    private String grantTypes;

    private String scope;

    private boolean resourceServer;

    protected AppClient() {
    }

    public AppClient(String clientId, String secretHash, String authMethod, String redirectUri, String grantTypes,
            String scope, boolean resourceServer) {
        this.clientId = clientId;
        this.secretHash = secretHash;
        this.authMethod = authMethod;
        this.redirectUri = redirectUri;
        this.grantTypes = grantTypes;
        this.scope = scope;
        this.resourceServer = resourceServer;
    }

    @Override
    public String getClientId() {
        return clientId;
    }

    @Override
    public String getClientSecretHash() {
        return secretHash;
    }

    @Override
    public String getTokenEndpointAuthMethod() {
        return authMethod;
    }

    @Override
    public List<String> getRedirectUris() {
        return redirectUri == null ? List.of() : List.of(redirectUri);
    }

    @Override
    public Set<String> getGrantTypes() {
        return new LinkedHashSet<>(Arrays.asList(grantTypes.split(" ")));
    }

    @Override
    public Set<String> getResponseTypes() {
        return getGrantTypes().contains("authorization_code") ? Set.of("code") : Set.of();
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
