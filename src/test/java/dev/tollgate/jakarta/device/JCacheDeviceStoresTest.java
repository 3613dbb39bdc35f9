package dev.tollgate.jakarta.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.device.DeviceAuthorization;
import dev.tollgate.device.DeviceAuthorizationStore;
import dev.tollgate.device.DeviceCodeGrant;
import dev.tollgate.device.DeviceFlow;
import dev.tollgate.device.DeviceSettings;
import dev.tollgate.device.DeviceVerification;
import dev.tollgate.device.Visitor;
import dev.tollgate.jakarta.cache.CacheSettings;
import dev.tollgate.jakarta.cache.TollgateCaches;
import dev.tollgate.oauth2.GrantSettings;
import dev.tollgate.oauth2.InMemoryAuthorizationCodeStore;
import dev.tollgate.oauth2.InMemoryClientStore;
import dev.tollgate.oauth2.InMemoryTokenStore;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.OAuth2Server;
import dev.tollgate.oauth2.OAuth2ServerBuilder;
import dev.tollgate.oauth2.OAuth2Settings;
import dev.tollgate.oauth2.PkceSettings;
import dev.tollgate.oauth2.RegistrationSettings;
import dev.tollgate.oauth2.ResourceOwner;
import dev.tollgate.oauth2.TokenSettings;
import dev.tollgate.testing.Concurrently;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The device flow over its JCache stores on Ehcache, by reference and by value (as a clustered provider keeps
 * them): codes created once, each step swapped in once, failures counted exactly under concurrency.
 */
class JCacheDeviceStoresTest {

    private static final String ISSUER = "https://as.example";

    private TollgateCaches caches;

    private JCacheDeviceAuthorizationStore store(boolean byValue) {
        CacheSettings defaults = CacheSettings.defaults();
        caches = new TollgateCaches(new CacheSettings(defaults.providerClassName(),
                "device-" + System.nanoTime() + ".", byValue, defaults.maxEntries()));
        return new JCacheDeviceAuthorizationStore(
                caches.cache("authorizations", String.class, DeviceAuthorization.class, Duration.ofMinutes(20)),
                caches.cache("user-codes", String.class, String.class, Duration.ofMinutes(10)));
    }

    @AfterEach
    void close() {
        caches.close();
    }

    private static DeviceAuthorization pending(String deviceCodeHash, String userCodeHash) {
        return new DeviceAuthorization(deviceCodeHash, userCodeHash, "tv", "profile", Instant.now().plusSeconds(600),
                5, null, DeviceAuthorization.Status.PENDING, null, null, "", null);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aUserCodeIsTakenOnce(boolean byValue) {
        DeviceAuthorizationStore store = store(byValue);
        DeviceAuthorization first = pending("device-1", "user-1");
        assertTrue(store.create(first));
        assertFalse(store.create(pending("device-2", "user-1")));
        assertEquals(Optional.of(first), store.find("device-1"));
        assertEquals(Optional.of(first), store.findByUserCode("user-1"));
        assertEquals(Optional.empty(), store.find("device-2"));
        assertEquals(Optional.empty(), store.findByUserCode("user-2"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aStaleStepIsNotSwappedIn(boolean byValue) {
        DeviceAuthorizationStore store = store(byValue);
        DeviceAuthorization created = pending("device-1", "user-1");
        store.create(created);
        DeviceAuthorization polled = new DeviceAuthorization("device-1", "user-1", "tv", "profile",
                created.expiresAt(), 5, Instant.now(), DeviceAuthorization.Status.PENDING, null, null, "", null);
        assertTrue(store.replace(created, polled));
        DeviceAuthorization denied = new DeviceAuthorization("device-1", "user-1", "tv", "profile",
                created.expiresAt(), 5, null, DeviceAuthorization.Status.DENIED, null, null, "", null);
        assertFalse(store.replace(created, denied));
        assertEquals(Optional.of(polled), store.find("device-1"));
    }

    /** Many threads poll one approved code through the whole server: one gets tokens. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void concurrentPollsGetTokensOnce(boolean byValue) throws Exception {
        InMemoryClientStore clients = new InMemoryClientStore();
        clients.add(new TvClient());
        OAuth2ServerBuilder builder = OAuth2Server.builder(OAuth2Settings.builder(ISSUER)
                        .scopesSupported(Set.of("profile")).build(), TokenSettings.DEFAULT, clients,
                new InMemoryTokenStore(), Clock.systemUTC())
                .standardGrants(new InMemoryAuthorizationCodeStore(), (user, password) -> Optional.empty(),
                        GrantSettings.DEFAULT, PkceSettings.DEFAULT)
                .standardEndpoints(RegistrationSettings.OPEN);
        DeviceAuthorizationStore store = store(byValue);
        JCacheFailureCounter failures = new JCacheFailureCounter(
                caches.cache("failures", String.class, Integer.class, Duration.ofMinutes(15)), Duration.ofMinutes(15));
        DeviceVerification verification = DeviceFlow.install(builder, clients, store, failures,
                DeviceSettings.DEFAULT);
        OAuth2Server server = builder.build();

        JsonObject codes = json(server.createEndpointResponse("device_authorization",
                post("/oauth2/device_authorization", Map.of("client_id", "tv"))));
        assertEquals(DeviceVerification.Outcome.OK, verification.approve(codes.getString("user_code"),
                ResourceOwner.of("alice"), new Visitor("session", "192.0.2.1")));
        List<Integer> statuses = Concurrently.run(12, () -> server.createTokenResponse(post("/oauth2/token", Map.of(
                "grant_type", DeviceCodeGrant.GRANT_TYPE, "client_id", "tv", "device_code",
                codes.getString("device_code")))).status());
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void failuresAreCountedExactly(boolean byValue) throws Exception {
        store(byValue);
        JCacheFailureCounter counter = new JCacheFailureCounter(
                caches.cache("failures", String.class, Integer.class, Duration.ofMinutes(15)), Duration.ofMinutes(15));
        assertEquals(0, counter.count("session x"));
        List<Integer> counts = Concurrently.run(20, () -> counter.increment("session x", Duration.ofMinutes(15)));
        assertEquals(20, counter.count("session x"));
        assertEquals(20, counts.stream().distinct().count()); // each increment saw its own count
        assertEquals(0, counter.count("session y"));
        assertThrows(IllegalArgumentException.class, () -> counter.increment("k", Duration.ofMinutes(16)));
    }

    private static OAuth2Request post(String path, Map<String, String> form) {
        return OAuth2Request.of("POST", ISSUER + path, Map.of(), FormUrlEncoding.format(form),
                FormUrlEncoding.CONTENT_TYPE);
    }

    private static JsonObject json(OAuth2Response response) {
        assertEquals(200, response.status(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private record TvClient() implements OAuth2Client {
        @Override public String getClientId() { return "tv"; }
        @Override public String getClientSecretHash() { return null; }
        @Override public String getTokenEndpointAuthMethod() { return "none"; }
        @Override public List<String> getRedirectUris() { return List.of(); }
        @Override public Set<String> getGrantTypes() { return Set.of(DeviceCodeGrant.GRANT_TYPE); }
        @Override public Set<String> getResponseTypes() { return Set.of(); }
        @Override public String getScope() { return "profile"; }
    }
}
