package dev.tollgate.device;

import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.common.Secrets;
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
import dev.tollgate.oauth2.TokenSettings;
import dev.tollgate.testing.MutableClock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** A server of the standard grants with the device flow installed, in-memory stores and a clock the test moves. */
final class DeviceFixture {

    static final String ISSUER = "https://as.example";
    /** A public client registered for the device code grant and refresh. */
    static final String TV = "tv";
    /** Another such client. */
    static final String OTHER_TV = "other-tv";
    /** A confidential client registered for the device code grant, without refresh. */
    static final String KIOSK = "kiosk";
    static final String KIOSK_SECRET = "kiosk-secret";
    /** A public client without the device code grant. */
    static final String WEB = "web";

    final MutableClock clock = new MutableClock();
    final InMemoryClientStore clients = new InMemoryClientStore();
    final InMemoryTokenStore tokens = new InMemoryTokenStore();
    final InMemoryDeviceAuthorizationStore store = new InMemoryDeviceAuthorizationStore();
    final InMemoryFailureCounter failures = new InMemoryFailureCounter();
    final OAuth2Settings settings = OAuth2Settings.builder(ISSUER).scopesSupported(Set.of("profile", "email"))
            .build();
    final OAuth2Server server;
    final DeviceVerification verification;

    DeviceFixture() {
        this(DeviceSettings.DEFAULT);
    }

    DeviceFixture(DeviceSettings device) {
        this(device, UnaryOperator.identity());
    }

    /** With the server's store wrapped, e.g. to make it refuse. */
    DeviceFixture(DeviceSettings device, UnaryOperator<DeviceAuthorizationStore> wrap) {
        Set<String> deviceAndRefresh = Set.of(DeviceCodeGrant.GRANT_TYPE, "refresh_token");
        clients.add(new Client(TV, null, "none", deviceAndRefresh));
        clients.add(new Client(OTHER_TV, null, "none", deviceAndRefresh));
        clients.add(new Client(KIOSK, Secrets.sha256(KIOSK_SECRET), "client_secret_basic",
                Set.of(DeviceCodeGrant.GRANT_TYPE)));
        clients.add(new Client(WEB, null, "none", Set.of("authorization_code", "refresh_token")));
        OAuth2ServerBuilder builder = OAuth2Server.builder(settings, TokenSettings.DEFAULT, clients, tokens, clock)
                .standardGrants(new InMemoryAuthorizationCodeStore(), (user, password) -> Optional.empty(),
                        GrantSettings.DEFAULT, PkceSettings.DEFAULT)
                .standardEndpoints(RegistrationSettings.OPEN);
        verification = DeviceFlow.install(builder, clients, wrap.apply(store), failures, device);
        server = builder.build();
    }

    /** A device authorization request of a public client. */
    OAuth2Response authorize(String clientId, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        if (scope != null) {
            form.put("scope", scope);
        }
        return server.createEndpointResponse(DeviceAuthorizationEndpoint.NAME,
                post("/oauth2/device_authorization", form, null));
    }

    /** A successful device authorization of {@link #TV} for {@code profile}. */
    JsonObject authorized() {
        OAuth2Response response = authorize(TV, "profile");
        if (response.status() != 200) {
            throw new AssertionError(response.body());
        }
        return json(response);
    }

    /** A poll of the token endpoint by a public client. */
    OAuth2Response poll(String clientId, String deviceCode) {
        return server.createTokenResponse(post("/oauth2/token", Map.of("grant_type", DeviceCodeGrant.GRANT_TYPE,
                "client_id", clientId, "device_code", deviceCode), null));
    }

    static OAuth2Request post(String path, Map<String, String> form, String authorization) {
        Map<String, List<String>> headers = authorization == null ? Map.of()
                : Map.of("Authorization", List.of(authorization));
        return OAuth2Request.of("POST", ISSUER + path, headers, FormUrlEncoding.format(form),
                FormUrlEncoding.CONTENT_TYPE);
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject json(OAuth2Response response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** The error code of a response, checking its status is 400. */
    static String error(OAuth2Response response) {
        if (response.status() != 400) {
            throw new AssertionError(response.status() + " " + response.body());
        }
        return json(response).getString("error");
    }

    /** A store that passes every call on, for tests to override one. */
    static class Delegating implements DeviceAuthorizationStore {

        private final DeviceAuthorizationStore store;

        Delegating(DeviceAuthorizationStore store) {
            this.store = store;
        }

        @Override
        public boolean create(DeviceAuthorization authorization) {
            return store.create(authorization);
        }

        @Override
        public Optional<DeviceAuthorization> find(String deviceCodeHash) {
            return store.find(deviceCodeHash);
        }

        @Override
        public Optional<DeviceAuthorization> findByUserCode(String userCodeHash) {
            return store.findByUserCode(userCodeHash);
        }

        @Override
        public boolean replace(DeviceAuthorization current, DeviceAuthorization next) {
            return store.replace(current, next);
        }
    }

    record Client(String clientId, String clientSecretHash, String tokenEndpointAuthMethod, Set<String> grantTypes)
            implements OAuth2Client {

        @Override public String getClientId() { return clientId; }
        @Override public String getClientSecretHash() { return clientSecretHash; }
        @Override public String getTokenEndpointAuthMethod() { return tokenEndpointAuthMethod; }
        @Override public List<String> getRedirectUris() { return List.of(); }
        @Override public Set<String> getGrantTypes() { return grantTypes; }
        @Override public Set<String> getResponseTypes() { return Set.of(); }
        @Override public String getScope() { return "profile email"; }
    }
}
