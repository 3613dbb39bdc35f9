package dev.tollgate.oauth1;

import dev.tollgate.common.Secrets;
import dev.tollgate.testing.MutableClock;
import java.time.Instant;
import java.util.List;

/** A server, a resource protector and in-memory stores around a hand-moved clock. */
final class OAuth1Fixture {

    static final String CLIENT_A = "client-a";
    static final String SECRET_A = "secret-a";
    static final String CALLBACK_A = "https://client-a.example/callback";
    static final String CLIENT_B = "client-b";
    static final String SECRET_B = "secret-b";
    static final String RSA_CLIENT = "rsa-client";
    static final String INITIATE = "https://server.example/oauth1/initiate";
    static final String AUTHORIZE_TOKEN = "https://server.example/oauth1/token";
    static final String RESOURCE = "https://server.example/api/me";
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryClientStore clients = new InMemoryClientStore()
            .add(TestClient.withSecret(CLIENT_A, SECRET_A, CALLBACK_A, "https://client-a.example/other?x=1"))
            .add(TestClient.withSecret(CLIENT_B, SECRET_B, "https://client-b.example/callback"))
            .add(new TestClient(RSA_CLIENT, null, Vectors.RSA_2048_PUBLIC_KEY, "https://rsa.example/callback", List.of()));
    final InMemoryTemporaryCredentialStore temporaryCredentials = new InMemoryTemporaryCredentialStore();
    final InMemoryTokenCredentialStore tokenCredentials = new InMemoryTokenCredentialStore();
    final InMemoryReplayCache nonces = new InMemoryReplayCache();
    final OAuth1Settings settings;
    final OAuth1Server server;
    final ResourceProtector protector;

    OAuth1Fixture() {
        this(OAuth1Settings.DEFAULT);
    }

    OAuth1Fixture(OAuth1Settings settings) {
        this(settings, TokenGenerator.RANDOM);
    }

    OAuth1Fixture(OAuth1Settings settings, TokenGenerator generator) {
        this.settings = settings;
        server = new OAuth1Server(clients, temporaryCredentials, tokenCredentials, nonces, settings,
                SignatureMethods.standard(), generator, clock);
        protector = new ResourceProtector(clients, tokenCredentials, nonces, settings, SignatureMethods.standard(),
                clock);
    }

    /** A request from {@code clientId} with a fresh timestamp and nonce, parameters in the header. */
    SignedRequestBuilder request(String method, String uri, String clientId) {
        return new SignedRequestBuilder(method, uri)
                .oauth(OAuthParameters.CONSUMER_KEY, clientId)
                .oauth(OAuthParameters.TIMESTAMP, Long.toString(clock.instant().getEpochSecond()))
                .oauth(OAuthParameters.NONCE, Secrets.randomToken(12));
    }

    /** A token credential of client A for user alice, stored directly. */
    TokenCredential tokenForA() {
        return tokenCredentials.add("token-a", "token-secret-a", CLIENT_A, "alice");
    }

    /** A signed resource request of client A with {@link #tokenForA()}. */
    SignedRequestBuilder resourceRequestA() {
        return request("GET", RESOURCE, CLIENT_A).oauth(OAuthParameters.TOKEN, "token-a");
    }
}
