package dev.tollgate.jakarta;

import dev.tollgate.device.DeviceSettings;
import dev.tollgate.dpop.DpopSettings;
import dev.tollgate.jakarta.servlet.ProxySettings;
import dev.tollgate.jwt.AssertionSettings;
import dev.tollgate.jwt.JwksUriSettings;
import dev.tollgate.jwt.JwtAccessTokenSettings;
import dev.tollgate.oauth1.OAuth1Settings;
import dev.tollgate.oauth1.SignatureMethods;
import dev.tollgate.oauth2.BearerSettings;
import dev.tollgate.oauth2.PkceSettings;
import dev.tollgate.oauth2.RegistrationSettings;
import dev.tollgate.oidc.KeySettings;
import dev.tollgate.par.PushedRequestSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Produces the settings the beans start from, those read from configuration aside ({@link ConfiguredSettings}). To change one, produce your own of the same type as an
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
    public ProxySettings proxySettings() {
        return ProxySettings.direct();
    }

    @Produces
    public OAuth1Settings oauth1Settings() {
        return OAuth1Settings.DEFAULT;
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
}
