package dev.tollgate.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.jakarta.cache.CacheSettings;
import dev.tollgate.jakarta.config.TollgateConfig;
import dev.tollgate.oauth2.GrantSettings;
import dev.tollgate.oauth2.OAuth2Settings;
import dev.tollgate.oauth2.TokenSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfiguredSettingsTest {

    private static ConfiguredSettings with(Map<String, String> values) {
        ConfiguredSettings defaults = new ConfiguredSettings();
        defaults.config = TollgateConfig.of(name -> Optional.ofNullable(values.get(name)));
        return defaults;
    }

    @Test
    void withoutAnIssuerTheMessageSaysWhereToSetIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> with(Map.of()).oauth2Settings());
        assertTrue(e.getMessage().startsWith("No issuer: set tollgate.issuer (in META-INF/microprofile-config"
                + ".properties, as a system property or as the environment variable TOLLGATE_ISSUER)"), e.getMessage());
    }

    @Test
    void issuerAndScopesFromConfiguration() {
        OAuth2Settings settings = with(Map.of("tollgate.issuer", "https://as.example/app",
                "tollgate.scopes", " profile  email profile ")).oauth2Settings();
        assertEquals("https://as.example/app", settings.issuer());
        assertEquals(Set.of("profile", "email"), settings.scopesSupported());
    }

    @Test
    void lifetimesAndGrantsFromConfiguration() {
        ConfiguredSettings defaults = with(Map.of("tollgate.access-token-lifetime", "PT15M",
                "tollgate.refresh-token-lifetime", "86400", "tollgate.password-grant", "true"));
        TokenSettings tokens = defaults.tokenSettings();
        assertEquals(Duration.ofMinutes(15), tokens.accessTokenLifetime());
        assertEquals(Duration.ofDays(1), tokens.refreshTokenLifetime());
        assertEquals(TokenSettings.DEFAULT.authorizationCodeLifetime(), tokens.authorizationCodeLifetime());
        GrantSettings grants = defaults.grantSettings();
        assertTrue(grants.passwordGrantEnabled());
        assertFalse(grants.implicitGrantEnabled());
        assertEquals(GrantSettings.DEFAULT, with(Map.of()).grantSettings(), "secure defaults without settings");
    }

    @Test
    void theCacheProviderByName() {
        assertEquals(CacheSettings.defaults(), with(Map.of()).cacheSettings());
        assertEquals(CacheSettings.hazelcast(), with(Map.of("tollgate.cache", "Hazelcast")).cacheSettings());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> with(Map.of("tollgate.cache", "redis")).cacheSettings());
        assertTrue(e.getMessage().startsWith("The setting tollgate.cache is \"redis\""), e.getMessage());
    }
}
