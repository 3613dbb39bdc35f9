package dev.tollgate.example.demo;

import dev.tollgate.common.Secrets;
import dev.tollgate.device.DeviceCodeGrant;
import dev.tollgate.dpop.Dpop;
import dev.tollgate.example.security.DemoUsers;
import dev.tollgate.jakarta.oauth1.JpaOAuth1ClientStore;
import dev.tollgate.jakarta.oauth1.OAuth1ClientEntity;
import dev.tollgate.jakarta.oauth2.JpaOAuth2ClientStore;
import dev.tollgate.jakarta.oauth2.OAuth2ClientEntity;
import dev.tollgate.jwt.AccessTokenFormat;
import dev.tollgate.jwt.JwtBearerGrant;
import dev.tollgate.oidc.KeyEncryption;
import dev.tollgate.par.PushedAuthorizationRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Seeds the demo users and clients when the application starts, unless they exist already (the data survives
 * restarts). On by default; turn it off with the environment variable {@code TOLLGATE_DEMO_DATA=false} or the
 * system property {@code -Dtollgate.demo-data=false}.
 */
@ApplicationScoped
public class DemoData {

    public static final String CALLBACK = "http://127.0.0.1:8765/callback";
    public static final String LOGGED_OUT = "http://127.0.0.1:8765/logged-out";

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    DemoUsers users;

    @Inject
    JpaOAuth1ClientStore oauth1Clients;

    @Inject
    JpaOAuth2ClientStore oauth2Clients;

    @Inject
    Clock clock;

    @Inject
    KeyEncryption encryption;

    void seed(@Observes @Initialized(ApplicationScoped.class) Object started) {
        String switched = System.getProperty("tollgate.demo-data", System.getenv("TOLLGATE_DEMO_DATA"));
        if ("false".equalsIgnoreCase(switched)) {
            LOG.info("Demo data is off (TOLLGATE_DEMO_DATA=false)");
            return;
        }
        users.createIfAbsent("alice", "wonderland");
        users.createIfAbsent("bob", "builder");
        oauth1Client("demo-oauth1-client", "Demo OAuth 1 client", "demo-oauth1-secret", null);
        oauth1Client("demo-oauth1-rsa", "Demo OAuth 1 RSA client", null, resource("demo/oauth1-rsa-public.pem"));
        List<String> confidentialGrants = List.of("authorization_code", "refresh_token", "client_credentials",
                "password", "implicit");
        oauth2Client("demo-client", "Demo OAuth 2 client", "demo-secret", "client_secret_basic", confidentialGrants,
                List.of("code", "token"));
        oauth2Client("demo-post-client", "Demo OAuth 2 client (form authentication)", "demo-post-secret",
                "client_secret_post", confidentialGrants, List.of("code", "token"));
        oauth2Client("demo-public", "Demo OAuth 2 public client", null, "none",
                List.of("authorization_code", "refresh_token"), List.of("code"));
        openIdClient();
        jwtClients();
        parClient();
        dpopClient();
        deviceClient();
        LOG.info("Demo data ready: users alice and bob, OAuth 1 clients demo-oauth1-client and demo-oauth1-rsa,"
                + " OAuth 2 clients demo-client, demo-post-client and demo-public, OpenID Connect client demo-oidc,"
                + " JWT clients demo-jwt-client and demo-secret-jwt, PAR client demo-par, DPoP client demo-dpop,"
                + " device client demo-device");
    }

    private void oauth1Client(String clientId, String name, String secret, String rsaPublicKey) {
        if (oauth1Clients.findEntity(clientId).isEmpty()) {
            oauth1Clients.save(new OAuth1ClientEntity(clientId, name, secret, rsaPublicKey, CALLBACK,
                    List.of(CALLBACK), null, clock.millis()));
        }
    }

    private void oauth2Client(String clientId, String name, String secret, String authMethod, List<String> grantTypes,
            List<String> responseTypes) {
        if (oauth2Clients.findEntity(clientId).isEmpty()) {
            oauth2Clients.save(new OAuth2ClientEntity(clientId, name, secret == null ? null : Secrets.sha256(secret),
                    authMethod, List.of(CALLBACK), grantTypes, responseTypes, "profile email", null, clock.millis()));
        }
    }

    private void openIdClient() {
        if (oauth2Clients.findEntity("demo-oidc").isEmpty()) {
            OAuth2ClientEntity client = new OAuth2ClientEntity("demo-oidc", "Demo OpenID Connect client",
                    Secrets.sha256("demo-oidc-secret"), "client_secret_basic", List.of(CALLBACK),
                    List.of("authorization_code", "implicit", "refresh_token"), List.of("code", "id_token",
                    "id_token token", "code id_token", "code token", "code id_token token"), "openid profile email",
                    null, clock.millis());
            client.setMetadata(Json.createObjectBuilder()
                    .add("post_logout_redirect_uris", Json.createArrayBuilder().add(LOGGED_OUT))
                    .build());
            oauth2Clients.save(client);
        }
    }

    // RFC 7523: one client proves itself with its key, the other with an HMAC of its secret, kept sealed
    private void jwtClients() {
        if (oauth2Clients.findEntity("demo-jwt-client").isEmpty()) {
            OAuth2ClientEntity client = new OAuth2ClientEntity("demo-jwt-client", "Demo private_key_jwt client", null,
                    "private_key_jwt", List.of(CALLBACK), List.of("authorization_code", "refresh_token",
                    "client_credentials", JwtBearerGrant.GRANT_TYPE), List.of("code"), "openid profile email", null,
                    clock.millis());
            try (JsonReader reader = Json.createReader(new StringReader(resource("demo/jwt-client.jwks.json")))) {
                client.setMetadata(Json.createObjectBuilder().add("jwks", reader.readObject())
                        .add(AccessTokenFormat.METADATA, AccessTokenFormat.JWT.value()).build()); // RFC 9068
            }
            oauth2Clients.save(client);
        }
        if (oauth2Clients.findEntity("demo-secret-jwt").isEmpty()) {
            String secret = "demo-secret-jwt-0123456789abcdef0123456789abcdef";
            OAuth2ClientEntity client = new OAuth2ClientEntity("demo-secret-jwt", "Demo client_secret_jwt client",
                    Secrets.sha256(secret), "client_secret_jwt", List.of(), List.of("client_credentials"), List.of(),
                    "profile email", null, clock.millis());
            client.setClientSecret(secret, encryption);
            oauth2Clients.save(client);
        }
    }

    // RFC 9126 §6: a client held to pushed authorization requests
    private void parClient() {
        if (oauth2Clients.findEntity("demo-par").isEmpty()) {
            OAuth2ClientEntity client = new OAuth2ClientEntity("demo-par", "Demo PAR client",
                    Secrets.sha256("demo-par-secret"), "client_secret_basic", List.of(CALLBACK),
                    List.of("authorization_code", "refresh_token"), List.of("code"), "openid profile email", null,
                    clock.millis());
            client.setMetadata(Json.createObjectBuilder().add(PushedAuthorizationRequests.REQUIRED, true).build());
            oauth2Clients.save(client);
        }
    }

    // RFC 9449 §5.2: a public client whose access tokens must be DPoP-bound
    private void dpopClient() {
        if (oauth2Clients.findEntity("demo-dpop").isEmpty()) {
            OAuth2ClientEntity client = new OAuth2ClientEntity("demo-dpop", "Demo DPoP client", null, "none",
                    List.of(CALLBACK), List.of("authorization_code", "refresh_token"), List.of("code"),
                    "openid profile email", null, clock.millis());
            client.setMetadata(Json.createObjectBuilder().add(Dpop.BOUND_ACCESS_TOKENS, true).build());
            oauth2Clients.save(client);
        }
    }

    // RFC 8628: a public client on a device without a browser; no redirect URI
    private void deviceClient() {
        if (oauth2Clients.findEntity("demo-device").isEmpty()) {
            oauth2Clients.save(new OAuth2ClientEntity("demo-device", "Demo device (RFC 8628)", null, "none", List.of(),
                    List.of(DeviceCodeGrant.GRANT_TYPE, "refresh_token"), List.of(), "openid profile email", null,
                    clock.millis()));
        }
    }

    private static String resource(String path) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
