package dev.tollgate.jakarta;

import dev.tollgate.jakarta.cache.CacheSettings;
import dev.tollgate.jakarta.config.TollgateConfig;
import dev.tollgate.oauth2.GrantSettings;
import dev.tollgate.oauth2.OAuth2Settings;
import dev.tollgate.oauth2.TokenSettings;
import dev.tollgate.oidc.KeyEncryption;
import dev.tollgate.oidc.OpenIdSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Arrays;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Produces the settings read from configuration ({@link TollgateConfig}: MicroProfile Config, system properties,
 * environment variables). To set one from code instead, produce your own of the same type as an
 * {@code @Alternative}, as {@link TollgateDefaults} explains.
 */
@ApplicationScoped
public class ConfiguredSettings {

    /** The configuration name of the issuer. */
    public static final String ISSUER = "tollgate.issuer";
    /** The configuration name of the supported scopes, space-separated. */
    public static final String SCOPES = "tollgate.scopes";

    private static final Logger LOG = Logger.getLogger(ConfiguredSettings.class.getName());

    TollgateConfig config = TollgateConfig.get();

    /**
     * Ehcache in each node unless {@code tollgate.cache} is {@code hazelcast}: Payara's data grid, shared by the
     * members of a cluster (and required there: {@link dev.tollgate.jakarta.servlet.StartupChecks}).
     */
    @Produces
    public CacheSettings cacheSettings() {
        String provider = config.value("tollgate.cache").orElse("ehcache");
        return switch (provider.toLowerCase(Locale.ROOT)) {
            case "ehcache" -> CacheSettings.defaults();
            case "hazelcast" -> CacheSettings.hazelcast();
            default -> throw new IllegalStateException("The setting tollgate.cache is \"" + provider
                    + "\": write ehcache (one node) or hazelcast (Payara's data grid, for a cluster)");
        };
    }

    /**
     * From configuration ({@link TollgateConfig}): the issuer {@code tollgate.issuer}, required, and the scopes
     * {@code tollgate.scopes}, space-separated (none until you name some).
     *
     * @throws IllegalStateException without an issuer: tokens, metadata and assertions all name it, and a guess
     *                               from the first request's {@code Host} would let any caller choose it
     */
    @Produces
    public OAuth2Settings oauth2Settings() {
        String issuer = config.value(ISSUER).orElseThrow(() -> new IllegalStateException("No issuer: set "
                + ISSUER + " (in META-INF/microprofile-config.properties, as a system property or as the "
                + "environment variable TOLLGATE_ISSUER) to the URL your clients reach this application at, "
                + "context path included, e.g. https://as.example/app"));
        return OAuth2Settings.builder(issuer)
                .scopesSupported(Arrays.stream(config.value(SCOPES).orElse("").split("\\s+"))
                        .filter(scope -> !scope.isEmpty()).collect(Collectors.toSet()))
                .build();
    }

    /**
     * Codes for 5 minutes, access tokens for an hour, refresh tokens for 14 days and rotated; the lifetimes
     * {@code tollgate.code-lifetime}, {@code tollgate.access-token-lifetime} and
     * {@code tollgate.refresh-token-lifetime} change them (seconds, or ISO-8601 such as {@code PT15M}).
     */
    @Produces
    public TokenSettings tokenSettings() {
        TokenSettings settings = TokenSettings.DEFAULT;
        settings = settings.withAuthorizationCodeLifetime(config.duration("tollgate.code-lifetime")
                .orElse(settings.authorizationCodeLifetime()));
        settings = settings.withAccessTokenLifetime(config.duration("tollgate.access-token-lifetime")
                .orElse(settings.accessTokenLifetime()));
        return settings.withRefreshTokenLifetime(config.duration("tollgate.refresh-token-lifetime")
                .orElse(settings.refreshTokenLifetime()));
    }

    /**
     * Neither the implicit nor the password grant (RFC 9700 §2.1.2, §2.4) unless {@code tollgate.implicit-grant}
     * or {@code tollgate.password-grant} is {@code true}.
     */
    @Produces
    public GrantSettings grantSettings() {
        return new GrantSettings(config.flag("tollgate.implicit-grant", false),
                config.flag("tollgate.password-grant", false));
    }

    /**
     * The key that seals signing keys at rest: the system property {@code tollgate.keyEncryptionKey}, else the
     * environment variable {@code TOLLGATE_KEY_ENCRYPTION_KEY} (32 bytes, base64url). Without one, signing keys
     * are stored in the clear, and a warning says so at start.
     */
    @Produces
    public KeyEncryption keyEncryption() {
        String key = setting("tollgate.keyEncryptionKey", "TOLLGATE_KEY_ENCRYPTION_KEY");
        if (key == null) {
            LOG.warning("No TOLLGATE_KEY_ENCRYPTION_KEY: OpenID Connect signing keys are stored in the clear, "
                    + "readable by anyone who reads the database (docs/oidc.md, \"Keys\")");
            return KeyEncryption.NONE;
        }
        return KeyEncryption.withKey(key);
    }

    /**
     * ID tokens for 10 minutes, the standard scopes' claims; pairwise subjects when the system property
     * {@code tollgate.pairwiseSalt} or the environment variable {@code TOLLGATE_PAIRWISE_SALT} holds a salt.
     */
    @Produces
    public OpenIdSettings openIdSettings() {
        return OpenIdSettings.DEFAULT.withPairwiseSalt(setting("tollgate.pairwiseSalt", "TOLLGATE_PAIRWISE_SALT"));
    }

    private String setting(String property, String variable) {
        return config.value(property).or(() -> config.value(variable)).orElse(null);
    }
}
