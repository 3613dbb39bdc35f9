package dev.tollgate.jakarta;

import dev.tollgate.jakarta.cache.CacheSettings;
import dev.tollgate.jakarta.servlet.ProxySettings;
import dev.tollgate.oauth1.OAuth1Settings;
import dev.tollgate.oauth1.SignatureMethods;
import dev.tollgate.oauth2.OAuth2Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Produces the settings the beans start from. To change one, produce your own of the same type as an
 * {@code @Alternative}: annotate the producer method {@code @Alternative} and its declaring class
 * {@code @Alternative @Priority(Interceptor.Priority.APPLICATION)}; it then replaces this default everywhere.
 */
@ApplicationScoped
public class TollgateDefaults {

    @Produces
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    public CacheSettings cacheSettings() {
        return CacheSettings.defaults();
    }

    @Produces
    public ProxySettings proxySettings() {
        return ProxySettings.direct();
    }

    @Produces
    public OAuth1Settings oauth1Settings() {
        return OAuth1Settings.DEFAULT;
    }

    /**
     * The issuer is the system property {@code tollgate.issuer}, else the environment variable
     * {@code TOLLGATE_ISSUER}, else {@code http://localhost:8080}; no scope is supported until you name some.
     */
    @Produces
    public OAuth2Settings oauth2Settings() {
        String issuer = System.getProperty("tollgate.issuer", System.getenv().getOrDefault("TOLLGATE_ISSUER",
                "http://localhost:8080"));
        return OAuth2Settings.builder(issuer).build();
    }

    @Produces
    public SignatureMethods oauth1SignatureMethods() {
        return SignatureMethods.standard();
    }

    @Produces
    public dev.tollgate.oauth1.TokenGenerator oauth1TokenGenerator() {
        return dev.tollgate.oauth1.TokenGenerator.RANDOM;
    }
}
