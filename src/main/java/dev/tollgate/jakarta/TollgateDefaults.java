package dev.tollgate.jakarta;

import dev.tollgate.jakarta.cache.CacheSettings;
import dev.tollgate.jakarta.servlet.ProxySettings;
import dev.tollgate.oauth1.OAuth1Settings;
import dev.tollgate.oauth1.SignatureMethods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Produces the settings the beans start from. To change one, produce your own of the same type as an
 * {@code @Alternative} with a {@code @Priority}; it then replaces this default everywhere.
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

    @Produces
    public SignatureMethods oauth1SignatureMethods() {
        return SignatureMethods.standard();
    }

    @Produces
    public dev.tollgate.oauth1.TokenGenerator oauth1TokenGenerator() {
        return dev.tollgate.oauth1.TokenGenerator.RANDOM;
    }
}
