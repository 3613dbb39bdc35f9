package dev.tollgate.jakarta;

import dev.tollgate.device.DeviceSettings;
import dev.tollgate.dpop.DpopSettings;
import dev.tollgate.jakarta.cache.CacheSettings;
import dev.tollgate.jakarta.config.TollgateConfig;
import dev.tollgate.jakarta.servlet.ProxySettings;
import dev.tollgate.jwt.AssertionSettings;
import dev.tollgate.jwt.JwksUriSettings;
import dev.tollgate.jwt.JwtAccessTokenSettings;
import dev.tollgate.oauth1.OAuth1Settings;
import dev.tollgate.oauth1.SignatureMethods;
import dev.tollgate.oauth2.BearerSettings;
import dev.tollgate.oauth2.GrantSettings;
import dev.tollgate.oauth2.OAuth2Settings;
import dev.tollgate.oauth2.PkceSettings;
import dev.tollgate.oauth2.RegistrationSettings;
import dev.tollgate.oauth2.TokenSettings;
import dev.tollgate.oidc.KeyEncryption;
import dev.tollgate.oidc.KeySettings;
import dev.tollgate.oidc.OpenIdSettings;
import dev.tollgate.par.PushedRequestSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.logging.Logger;

/**
 * Produces the settings the beans start from. To change one, produce your own of the same type as an
 * {@code @Alternative}: annotate the producer method {@code @Alternative} and its declaring class
 * {@code @Alternative @Priority(Interceptor.Priority.APPLICATION)}; it then replaces this default everywhere.
 */
@ApplicationScoped
public class TollgateDefaults {

    /** The configuration name of the issuer. */
    public static final String ISSUER = "tollgate.issuer";
    /** The configuration name of the supported scopes, space-separated. */
    public static final String SCOPES = "tollgate.scopes";

    private static final Logger LOG = Logger.getLogger(TollgateDefaults.class.getName());

    TollgateConfig config = TollgateConfig.get();

    @Produces
    public Clock clock() {
        return Clock.systemUTC();
    }

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

    @Produces
    public ProxySettings proxySettings() {
        return ProxySettings.direct();
    }

    @Produces
    public OAuth1Settings oauth1Settings() {
        return OAuth1Settings.DEFAULT;
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

    /** PKCE required of public clients, {@code S256} only. */
    @Produces
    public PkceSettings pkceSettings() {
        return PkceSettings.DEFAULT;
    }

    /** Bearer tokens in the {@code Authorization} header only. */
    @Produces
    public BearerSettings bearerSettings() {
        return BearerSettings.DEFAULT;
    }

    /** Open dynamic registration (RFC 7591 §3). */
    @Produces
    public RegistrationSettings registrationSettings() {
        return RegistrationSettings.OPEN;
    }

    @Produces
    public SignatureMethods oauth1SignatureMethods() {
        return SignatureMethods.standard();
    }

    @Produces
    public dev.tollgate.oauth1.TokenGenerator oauth1TokenGenerator() {
        return dev.tollgate.oauth1.TokenGenerator.RANDOM;
    }

    /** RS256 (the default), ES256 and PS256 keys, rotated every 30 days; a new key signs after an hour. */
    @Produces
    public KeySettings keySettings() {
        return KeySettings.DEFAULT;
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

    /**
     * Client assertions (RFC 7523) of at most 5 minutes, 60 s of clock skew; RS256, PS256, ES256 for
     * {@code private_key_jwt}, HS256 to HS512 for {@code client_secret_jwt}.
     */
    @Produces
    public AssertionSettings assertionSettings() {
        return AssertionSettings.DEFAULT;
    }

    /**
     * Clients' {@code jwks_uri}: https only, never a loopback or private address, 2 s to connect and to read,
     * 64 KB at most, cached 5 minutes, fetched at most every 10 s.
     */
    @Produces
    public JwksUriSettings jwksUriSettings() {
        return JwksUriSettings.DEFAULT;
    }

    /** Opaque access tokens unless a client registered {@code access_token_format} {@code jwt} (RFC 9068). */
    @Produces
    public JwtAccessTokenSettings jwtAccessTokenSettings() {
        return JwtAccessTokenSettings.DEFAULT;
    }

    /** DPoP (RFC 9449): RS256, PS256, ES256; proofs at most a minute old; no nonce demanded. */
    @Produces
    public DpopSettings dpopSettings() {
        return DpopSettings.DEFAULT;
    }

    /** Pushed authorization requests (RFC 9126): a {@code request_uri} works for two minutes; not required. */
    @Produces
    public PushedRequestSettings pushedRequestSettings() {
        return PushedRequestSettings.DEFAULT;
    }

    /**
     * The device authorization grant (RFC 8628): codes for 10 minutes, polls every 5 s, user codes of 8 letters,
     * the verification page at {@code /device}; 5 wrong user codes a session, 30 an address, in 15 minutes.
     */
    @Produces
    public DeviceSettings deviceSettings() {
        return DeviceSettings.DEFAULT;
    }

    private String setting(String property, String variable) {
        return config.value(property).or(() -> config.value(variable)).orElse(null);
    }
}
