package dev.tollgate.jakarta.oauth2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.Secrets;
import dev.tollgate.jakarta.config.TollgateConfig;
import dev.tollgate.testing.Databases;
import dev.tollgate.testing.MutableClock;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Clients the application defines, from code or configuration, registered idempotently with their secret hashed. */
class OAuth2ClientsTest {

    @Test
    void aConfidentialClientFromConfiguration() {
        TollgateConfig config = TollgateConfig.of(name -> Optional.ofNullable(Map.of(
                "tollgate.scopes", "profile email",
                "tollgate.client.app.secret", "app-secret",
                "tollgate.client.app.redirect-uris", "https://app.example/cb, https://app.example/cb2",
                "tollgate.client.app.name", "The app").get(name)));
        OAuth2ClientEntity app = ConfiguredClients.definition(config, "app").entity(1);
        assertEquals("client_secret_basic", app.getTokenEndpointAuthMethod());
        assertEquals(Secrets.sha256("app-secret"), app.getClientSecretHash());
        assertEquals(List.of("https://app.example/cb", "https://app.example/cb2"), app.getRedirectUris());
        assertEquals(Set.of("authorization_code", "refresh_token", "client_credentials"), app.getGrantTypes());
        assertEquals(Set.of("code"), app.getResponseTypes());
        assertEquals("profile email", app.getScope(), "every scope of the server unless configured");
        assertEquals("The app", app.getClientName());
    }

    @Test
    void aPublicClientWithItsOwnScopeAndGrants() {
        TollgateConfig config = TollgateConfig.of(name -> Optional.ofNullable(Map.of(
                "tollgate.client.spa.scope", "profile",
                "tollgate.client.spa.grant-types", "authorization_code").get(name)));
        OAuth2ClientEntity spa = ConfiguredClients.definition(config, "spa").entity(1);
        assertEquals("none", spa.getTokenEndpointAuthMethod());
        assertNull(spa.getClientSecretHash());
        assertEquals(Set.of("authorization_code"), spa.getGrantTypes());
        assertEquals("profile", spa.getScope());
    }

    @Test
    void neitherSecretNorHashInToString() {
        String text = OAuth2Clients.confidential("app", "app-secret").toString();
        assertFalse(text.contains("app-secret") || text.contains(Secrets.sha256("app-secret")), text);
    }

    @Test
    void registeringIsIdempotentAndBringsTheClientInLine() {
        EntityManagerFactory emf = Databases.h2("tollgate-local");
        try {
            EntityManager em = emf.createEntityManager();
            OAuth2Clients clients = new OAuth2Clients();
            clients.em = em;
            clients.clock = new MutableClock();
            OAuth2Clients.Definition app = OAuth2Clients.confidential("app", "app-secret")
                    .redirectUri("https://app.example/cb").scopes("profile");
            register(clients, em, app);
            long created = em.find(OAuth2ClientEntity.class, "app").getCreatedAt();
            register(clients, em, app);
            assertEquals(1L, em.createQuery("SELECT COUNT(c) FROM OAuth2ClientEntity c").getSingleResult());
            register(clients, em, OAuth2Clients.confidential("app", "rotated-secret")
                    .redirectUri("https://app.example/new").scopes("profile"));
            em.clear();
            OAuth2ClientEntity stored = em.find(OAuth2ClientEntity.class, "app");
            assertEquals(Secrets.sha256("rotated-secret"), stored.getClientSecretHash());
            assertEquals(List.of("https://app.example/new"), stored.getRedirectUris());
            assertEquals(created, stored.getCreatedAt());
            assertTrue(OAuth2Clients.confidential("app", "rotated-secret").redirectUri("https://app.example/new")
                    .scopes("profile").matches(stored));
            em.close();
        } finally {
            emf.close();
        }
    }

    private static void register(OAuth2Clients clients, EntityManager em, OAuth2Clients.Definition client) {
        em.getTransaction().begin();
        clients.register(client);
        em.getTransaction().commit();
    }
}
