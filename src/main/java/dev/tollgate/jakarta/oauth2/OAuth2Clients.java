package dev.tollgate.jakarta.oauth2;

import dev.tollgate.common.Secrets;
import dev.tollgate.jakarta.persistence.TollgatePersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Registers the application's own clients when it starts, idempotently: a client that is missing is created, one
 * that differs from its definition is brought in line (its tokens kept), one that matches is left alone. The
 * secret is stored hashed. Typically from an observer of the application's start:
 * <pre>{@code
 * void register(@Observes @Initialized(ApplicationScoped.class) Object start, OAuth2Clients clients) {
 *     clients.register(OAuth2Clients.confidential("app", secret).redirectUri("https://app.example/cb")
 *             .scopes("profile"));
 * }
 * }</pre>
 */
@ApplicationScoped
public class OAuth2Clients {

    @Inject
    @TollgatePersistence
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * A confidential client authenticating with {@code client_secret_basic}: the authorization code (with refresh
     * tokens) and client credentials grants until {@link Definition#grantTypes} says otherwise.
     */
    public static Definition confidential(String clientId, String secret) {
        Objects.requireNonNull(secret, "secret");
        return new Definition(clientId, Secrets.sha256(secret), "client_secret_basic",
                List.of("authorization_code", "refresh_token", "client_credentials"));
    }

    /** A public client (no secret, so PKCE is required): the authorization code grant with refresh tokens. */
    public static Definition publicClient(String clientId) {
        return new Definition(clientId, null, "none", List.of("authorization_code", "refresh_token"));
    }

    /** Creates the client, or brings it in line with the definition. */
    @Transactional
    public void register(Definition client) {
        OAuth2ClientEntity existing = em.find(OAuth2ClientEntity.class, client.clientId);
        OAuth2ClientEntity wanted = client.entity(existing == null ? clock.millis() : existing.getCreatedAt());
        if (existing == null) {
            em.persist(wanted);
        } else if (!client.matches(existing)) {
            em.merge(wanted);
        }
    }

    /** A client as the application defines it; build with {@link #confidential} or {@link #publicClient}. */
    public static final class Definition {

        private final String clientId;
        private final String secretHash;
        private final String authMethod;
        private List<String> grantTypes;
        private List<String> redirectUris = List.of();
        private String scope = "";
        private String name;

        private Definition(String clientId, String secretHash, String authMethod, List<String> grantTypes) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.secretHash = secretHash;
            this.authMethod = authMethod;
            this.grantTypes = grantTypes;
        }

        /** The redirect URIs, matched exactly (RFC 9700 §2.1). */
        public Definition redirectUri(String... uris) {
            redirectUris = List.of(uris);
            return this;
        }

        /** The scopes it may ask for. */
        public Definition scopes(String... scopes) {
            scope = String.join(" ", scopes);
            return this;
        }

        public Definition grantTypes(String... types) {
            grantTypes = List.of(types);
            return this;
        }

        /** The name its consent page shows; its id otherwise. */
        public Definition name(String clientName) {
            name = clientName;
            return this;
        }

        private List<String> responseTypes() {
            return grantTypes.contains("authorization_code") ? List.of("code") : List.of();
        }

        OAuth2ClientEntity entity(long createdAt) {
            return new OAuth2ClientEntity(clientId, name, secretHash, authMethod, redirectUris, grantTypes,
                    responseTypes(), scope, null, createdAt);
        }

        boolean matches(OAuth2ClientEntity entity) {
            return Objects.equals(secretHash, entity.getClientSecretHash())
                    && Objects.equals(name, entity.getClientName())
                    && authMethod.equals(entity.getTokenEndpointAuthMethod())
                    && redirectUris.equals(entity.getRedirectUris())
                    && Set.copyOf(grantTypes).equals(entity.getGrantTypes())
                    && Set.copyOf(responseTypes()).equals(entity.getResponseTypes())
                    && scope.equals(entity.getScope());
        }

        @Override
        public String toString() {
            return "OAuth2Clients.Definition[" + clientId + "]"; // never the secret's hash
        }
    }
}
