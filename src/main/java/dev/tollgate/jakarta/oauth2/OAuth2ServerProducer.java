package dev.tollgate.jakarta.oauth2;

import dev.tollgate.device.DeviceAuthorization;
import dev.tollgate.device.DeviceAuthorizationEndpoint;
import dev.tollgate.device.DeviceFlow;
import dev.tollgate.device.DeviceSettings;
import dev.tollgate.device.DeviceVerification;
import dev.tollgate.dpop.Dpop;
import dev.tollgate.dpop.DpopNonces;
import dev.tollgate.dpop.DpopProofValidator;
import dev.tollgate.dpop.DpopSettings;
import dev.tollgate.jakarta.cache.JCacheDpopNonceKey;
import dev.tollgate.jakarta.cache.JCachePushedRequestStore;
import dev.tollgate.jakarta.cache.JCacheReplayCache;
import dev.tollgate.jakarta.cache.JCacheRevokedTokens;
import dev.tollgate.jakarta.cache.TollgateCaches;
import dev.tollgate.jakarta.device.JCacheDeviceAuthorizationStore;
import dev.tollgate.jakarta.device.JCacheFailureCounter;
import dev.tollgate.jakarta.servlet.ServedEndpoints;
import dev.tollgate.jwt.AssertionMetadata;
import dev.tollgate.jwt.AssertionSettings;
import dev.tollgate.jwt.AssertionValidator;
import dev.tollgate.jwt.ClientKeys;
import dev.tollgate.jwt.ClientSecretJwt;
import dev.tollgate.jwt.JwksUriSettings;
import dev.tollgate.jwt.JwtAccessTokenSettings;
import dev.tollgate.jwt.JwtAccessTokens;
import dev.tollgate.jwt.JwtBearerGrant;
import dev.tollgate.jwt.JwtRegistration;
import dev.tollgate.jwt.PrivateKeyJwt;
import dev.tollgate.jwt.RequestObjects;
import dev.tollgate.jwt.ResourceOwnerLookup;
import dev.tollgate.jwt.TrustedIssuers;
import dev.tollgate.oauth2.AuthorizationCodeStore;
import dev.tollgate.oauth2.BearerSettings;
import dev.tollgate.oauth2.ClientStore;
import dev.tollgate.oauth2.GrantSettings;
import dev.tollgate.oauth2.OAuth2Server;
import dev.tollgate.oauth2.OAuth2ServerBuilder;
import dev.tollgate.oauth2.OAuth2Settings;
import dev.tollgate.oauth2.PkceSettings;
import dev.tollgate.oauth2.RegistrationSettings;
import dev.tollgate.par.PushedAuthorizationEndpoint;
import dev.tollgate.par.PushedAuthorizationRequests;
import dev.tollgate.par.PushedRequestSettings;
import dev.tollgate.oauth2.ResourceOwnerAuthenticator;
import dev.tollgate.oauth2.ResourceProtector;
import dev.tollgate.oauth2.TokenSettings;
import dev.tollgate.oauth2.TokenStore;
import dev.tollgate.oidc.ClaimsSource;
import dev.tollgate.oidc.ConsentStore;
import dev.tollgate.oidc.OpenIdProvider;
import dev.tollgate.oidc.OpenIdSettings;
import dev.tollgate.oidc.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Produces the OAuth 2.0 core server with the standard grants and endpoints that the settings beans enable, the
 * JWT family (client assertions, the JWT bearer grant, RFC 9068 access tokens with a JCache deny-list), the
 * device authorization grant (RFC 8628, its state in JCache), and
 * OpenID Connect when the application has a {@code ClaimsSource} bean,
 * over the store beans (JPA by default), with its notifications as CDI events; and the resource protector
 * of {@link BearerTokenFilter}. To add a grant, an extension or a client authentication method, produce your
 * own {@link OAuth2Server} as an {@code @Alternative} (as {@link dev.tollgate.jakarta.TollgateDefaults}
 * shows): start from {@link #standard()} and register on the builder.
 */
@ApplicationScoped
public class OAuth2ServerProducer {

    @Inject
    OAuth2Settings settings;
    @Inject
    TokenSettings tokenSettings;
    @Inject
    GrantSettings grantSettings;
    @Inject
    PkceSettings pkceSettings;
    @Inject
    RegistrationSettings registrationSettings;
    @Inject
    BearerSettings bearerSettings;
    @Inject
    ClientStore clients;
    @Inject
    TokenStore tokens;
    @Inject
    AuthorizationCodeStore codes;
    @Inject
    Instance<ResourceOwnerAuthenticator> users;
    @Inject
    Clock clock;
    @Inject
    Event<OAuth2Event> events;
    @Inject
    Instance<ClaimsSource> claims;
    @Inject
    Instance<OpenIdSettings> openIdSettings;
    @Inject
    Instance<SigningKeys> signingKeys;
    @Inject
    Instance<ConsentStore> consents;
    @Inject
    TollgateCaches caches;
    @Inject
    AssertionSettings assertionSettings;
    @Inject
    JwksUriSettings jwksUriSettings;
    @Inject
    Instance<ResourceOwnerLookup> owners;
    @Inject
    Instance<TrustedIssuers> trustedIssuers;
    @Inject
    JwtAccessTokenSettings jwtAccessTokenSettings;
    @Inject
    PushedRequestSettings pushedRequestSettings;
    @Inject
    DpopSettings dpopSettings;
    @Inject
    DeviceSettings deviceSettings;

    /** The JCache cache of revoked access tokens, checked by every validation of a JWT access token. */
    public static final String REVOKED_TOKENS_CACHE = "oauth2.revoked-tokens";

    /** The JCache cache of the {@code jti} of DPoP proofs. */
    public static final String DPOP_PROOFS_CACHE = "oauth2.dpop-proofs";

    /** The JCache cache of the secret DPoP nonces are made with, which every node shares. */
    public static final String DPOP_NONCE_KEY_CACHE = "oauth2.dpop-nonce-key";

    /** The JCache cache of pushed authorization requests, by the hash of their {@code request_uri}. */
    public static final String PUSHED_REQUESTS_CACHE = "oauth2.pushed-requests";

    /** The JCache cache of the {@code jti} of client and grant assertions. */
    public static final String ASSERTIONS_CACHE = "oauth2.assertion-ids";

    /** The JCache cache of device authorizations by device code hash (RFC 8628). */
    public static final String DEVICE_AUTHORIZATIONS_CACHE = "device.authorizations";

    /** The JCache cache of device code hashes by user code hash. */
    public static final String DEVICE_USER_CODES_CACHE = "device.user-codes";

    /** The JCache cache of wrong user codes by session and by address. */
    public static final String DEVICE_FAILURES_CACHE = "device.failures";

    private final AtomicReference<OpenIdProvider> openId = new AtomicReference<>();
    private final AtomicReference<DeviceVerification> device = new AtomicReference<>();

    @Produces
    @Singleton
    public OAuth2Server server() {
        return standard().build();
    }

    /** The protector of {@link BearerTokenFilter}, over whichever {@link OAuth2Server} is in use. */
    @Produces
    @Singleton
    public ResourceProtector resourceProtector(OAuth2Server server) {
        return server.resourceProtector(bearerSettings);
    }

    /**
     * The OpenID provider of the server, when the application has a {@link ClaimsSource} bean.
     *
     * @throws IllegalStateException if it has none: OpenID Connect is then off
     */
    @Produces
    @Singleton
    public OpenIdProvider openIdProvider(OAuth2Server server) {
        OpenIdProvider provider = openId.get();
        if (provider == null) {
            throw new IllegalStateException("OpenID Connect is off: the application has no ClaimsSource bean "
                    + "(docs/oidc.md)");
        }
        return provider;
    }

    /**
     * The calls of the application's device verification page (RFC 8628 §3.3).
     *
     * @throws IllegalStateException if the server in use was not built from {@link #standard()}
     */
    @Produces
    @Singleton
    public DeviceVerification deviceVerification(OAuth2Server server) {
        DeviceVerification verification = device.get();
        if (verification == null) {
            throw new IllegalStateException("The device flow is off: DeviceAuthorizationServlet is not mapped "
                    + "(tollgate.endpoint.device-authorization=on maps it), or the OAuth2Server in use was not built "
                    + "from OAuth2ServerProducer.standard() (docs/device.md)");
        }
        return verification;
    }

    /**
     * The standard server's builder, with OpenID Connect when the application has a {@link ClaimsSource} bean. The password grant, when the grant settings enable it, checks passwords
     * with the application's {@link ResourceOwnerAuthenticator} bean; without one it accepts nobody.
     */
    public OAuth2ServerBuilder standard() {
        ResourceOwnerAuthenticator authenticator = users.isResolvable()
                ? users.get() : (username, password) -> Optional.empty();
        OAuth2Settings served = servedSettings();
        OAuth2ServerBuilder builder = OAuth2Server.builder(served, tokenSettings, clients, tokens, clock)
                .standardGrants(codes, authenticator, grantSettings, pkceSettings)
                .standardEndpoints(registrationSettings)
                .events(new CdiEventListener(events));
        jwtFamily(builder, served);
        dpop(builder);
        if (served.serves(PushedAuthorizationEndpoint.NAME)) {
            PushedAuthorizationRequests.install(builder, new JCachePushedRequestStore(caches.cache(
                    PUSHED_REQUESTS_CACHE, String.class, String.class, pushedRequestSettings.lifetime())),
                    pushedRequestSettings);
        }
        if (claims.isResolvable()) {
            openId.set(OpenIdProvider.install(builder, clients, grantSettings, openIdSettings.get(),
                    signingKeys.get(), claims.get(), consents.get()));
        }
        if (served.serves(DeviceAuthorizationEndpoint.NAME)) {
            deviceFlow(builder);
        }
        Duration longest = tokenSettings.longestAccessTokenLifetime();
        JwtAccessTokens.install(builder, signingKeys.get(), jwtAccessTokenSettings, new JCacheRevokedTokens(
                caches.cache(REVOKED_TOKENS_CACHE, String.class, Boolean.class, longest), longest, clock));
        return builder;
    }

    /**
     * The settings, serving exactly the endpoints the application maps, under its context path
     * ({@link ServedEndpoints}); as they are outside a web application.
     */
    private OAuth2Settings servedSettings() {
        return ServedEndpoints.of(settings);
    }

    /**
     * DPoP-bound tokens (RFC 9449): each proof's {@code jti} once across the cluster in the JCache cache
     * {@value #DPOP_PROOFS_CACHE}, nonces made with the secret the cluster shares in {@value #DPOP_NONCE_KEY_CACHE}
     * (renewed daily).
     */
    private void dpop(OAuth2ServerBuilder builder) {
        Duration keep = dpopSettings.replayLifetime();
        DpopNonces nonces = new DpopNonces(new JCacheDpopNonceKey(caches.cache(DPOP_NONCE_KEY_CACHE, String.class,
                byte[].class, Duration.ofDays(1))), dpopSettings.nonceLifetime(), clock);
        Dpop.install(builder, new DpopProofValidator(dpopSettings, nonces, new JCacheReplayCache(
                caches.cache(DPOP_PROOFS_CACHE, String.class, Boolean.class, keep), keep), clock));
    }

    /**
     * The device authorization grant (RFC 8628), its state in JCache: authorizations kept twice their lifetime, so
     * that a late poll hears {@code expired_token}; wrong user codes for {@link DeviceSettings#failureMemory()}.
     */
    private void deviceFlow(OAuth2ServerBuilder builder) {
        Duration lifetime = deviceSettings.lifetime();
        JCacheDeviceAuthorizationStore store = new JCacheDeviceAuthorizationStore(
                caches.cache(DEVICE_AUTHORIZATIONS_CACHE, String.class, DeviceAuthorization.class,
                        lifetime.multipliedBy(2)),
                caches.cache(DEVICE_USER_CODES_CACHE, String.class, String.class, lifetime));
        Duration memory = deviceSettings.failureMemory();
        device.set(DeviceFlow.install(builder, clients, store, new JCacheFailureCounter(
                caches.cache(DEVICE_FAILURES_CACHE, String.class, Integer.class, memory), memory), deviceSettings));
    }

    /**
     * Client authentication by JWT ({@code private_key_jwt}, {@code client_secret_jwt}), each {@code jti} once
     * across the cluster in the JCache cache {@value #ASSERTIONS_CACHE}; request objects (RFC 9101); and the JWT
     * bearer grant when the application has a {@link ResourceOwnerLookup} bean (trusting the client itself, and the
     * issuers of its {@link TrustedIssuers} bean if it has one).
     */
    private void jwtFamily(OAuth2ServerBuilder builder, OAuth2Settings served) {
        Duration keep = assertionSettings.replayLifetime();
        AssertionValidator assertions = new AssertionValidator(served, assertionSettings,
                new JCacheReplayCache(caches.cache(ASSERTIONS_CACHE, String.class, Boolean.class, keep), keep), clock);
        ClientKeys keys = new ClientKeys(jwksUriSettings, clock);
        PrivateKeyJwt privateKeyJwt = new PrivateKeyJwt(assertions, keys);
        ClientSecretJwt clientSecretJwt = new ClientSecretJwt(assertions);
        builder.clientAuthentication(privateKeyJwt)
                .clientAuthentication(clientSecretJwt)
                .extension(AssertionMetadata.of(privateKeyJwt, clientSecretJwt))
                .clientMetadata(new JwtRegistration(jwksUriSettings, privateKeyJwt, clientSecretJwt));
        RequestObjects requestObjects = new RequestObjects(served, assertionSettings, keys, clock);
        builder.authorizationRequestResolver(requestObjects).clientMetadata(requestObjects.registration());
        if (owners.isResolvable()) {
            builder.grant(new JwtBearerGrant(assertions, keys,
                    trustedIssuers.isResolvable() ? trustedIssuers.get() : TrustedIssuers.NONE, owners.get()));
        }
    }
}
