package dev.tollgate.jwt;

import static dev.tollgate.jwt.JwtFixture.RSA;
import static dev.tollgate.jwt.JwtFixture.TOKEN_ENDPOINT;
import static dev.tollgate.jwt.JwtFixture.URI_CLIENT;
import static dev.tollgate.jwt.JwtFixture.json;
import static dev.tollgate.jwt.JwtFixture.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.common.JsonSupport;
import dev.tollgate.oauth2.OAuth2Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client's keys at its {@code jwks_uri}, served by a local HTTP server on 127.0.0.1 (private addresses allowed
 * for it), or answered by a fake fetcher: fetch, cache, refresh on an unknown {@code kid}, the rate limit, the size
 * limit, the timeout, redirects and private addresses.
 */
class ClientKeysTest {

    /** What the local server may be, with its own addresses allowed. */
    private static final JwksUriSettings LOCAL = JwksUriSettings.DEFAULT.withHttpAllowed(true)
            .withPrivateAddressesAllowed(true);
    private static final RSAKey NEW_RSA = JwtFixture.rsa("rsa-2");

    private final AtomicInteger hits = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private HttpServer server;
    private String jwksUri;
    private volatile String body = new JWKSet(RSA.toPublicJWK()).toString();
    private volatile int status = 200;
    private volatile long delayMillis;
    private volatile boolean chunked;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", this::serve);
        server.createContext("/moved", exchange -> {
            hits.incrementAndGet();
            exchange.getResponseHeaders().add("Location", jwksUri);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
        jwksUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        hits.incrementAndGet();
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client stopped reading
        }
    }

    private JwtFixture fixture(JwksUriSettings settings) {
        return new JwtFixture(new HttpJwkSetFetcher(settings), settings, jwksUri);
    }

    /** An assertion of the fixture's time, which the tests move (the SDK's follow the system clock). */
    private static OAuth2Response authenticate(JwtFixture f, RSAKey key) {
        return f.clientCredentials(sign(JWSAlgorithm.RS256, key, f.claims(URI_CLIENT).build()));
    }

    private static void assertStatus(int expected, OAuth2Response response) {
        assertEquals(expected, response.status(), response.body());
    }

    // ---------------------------------------------------------------- through the server

    @Test
    void keysAreFetchedOnceAndCached() throws Exception {
        JwtFixture f = fixture(LOCAL);
        assertStatus(200, f.clientCredentials(new PrivateKeyJWT(new ClientID(URI_CLIENT), URI.create(TOKEN_ENDPOINT),
                JWSAlgorithm.RS256, RSA.toPrivateKey(), RSA.getKeyID(), null)));
        assertStatus(200, authenticate(f, RSA));
        f.clock.advance(Duration.ofMinutes(4));
        assertStatus(200, authenticate(f, RSA));
        assertEquals(1, hits.get());
    }

    @Test
    void keysAreFetchedAgainOnceTheCacheExpires() throws Exception {
        JwtFixture f = fixture(LOCAL);
        assertStatus(200, authenticate(f, RSA));
        f.clock.advance(Duration.ofMinutes(5));
        body = new JWKSet(NEW_RSA.toPublicJWK()).toString(); // the client rotated and dropped its old key
        assertEquals("invalid_client", json(authenticate(f, RSA)).getString("error"));
        assertEquals(2, hits.get());
        assertStatus(200, authenticate(f, NEW_RSA));
        assertEquals(2, hits.get());
    }

    @Test
    void anUnknownKidFetchesTheSetAgain() throws Exception {
        JwtFixture f = fixture(LOCAL);
        assertStatus(200, authenticate(f, RSA));
        body = new JWKSet(List.of(RSA.toPublicJWK(), NEW_RSA.toPublicJWK())).toString();
        f.clock.advance(Duration.ofSeconds(10));
        assertStatus(200, authenticate(f, NEW_RSA));
        assertEquals(2, hits.get());
        assertStatus(200, authenticate(f, RSA));
        assertStatus(200, authenticate(f, NEW_RSA));
        assertEquals(2, hits.get());
    }

    @Test
    void unknownKidsFetchAtMostOncePerRefreshInterval() throws Exception {
        JwtFixture f = fixture(LOCAL);
        assertStatus(200, authenticate(f, RSA));
        body = new JWKSet(List.of(RSA.toPublicJWK(), NEW_RSA.toPublicJWK())).toString();
        for (int i = 0; i < 5; i++) {
            f.clock.advance(Duration.ofSeconds(1));
            assertStatus(401, authenticate(f, NEW_RSA)); // within 10 s of the last fetch
            assertStatus(401, f.clientCredentials(sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("kid-" + i)
                    .build(), RSA, f.claims(URI_CLIENT).build())));
        }
        assertEquals(1, hits.get());
        f.clock.advance(Duration.ofSeconds(5));
        assertStatus(200, authenticate(f, NEW_RSA));
        assertEquals(2, hits.get());
    }

    @Test
    void aSetTooLargeIsRefused() throws Exception {
        body = "{\"keys\":[" + RSA.toPublicJWK().toJSONString() + "],\"padding\":\"" + "x".repeat(70 * 1024) + "\"}";
        JwtFixture f = fixture(LOCAL);
        assertStatus(401, authenticate(f, RSA));
        IOException error = assertThrows(IOException.class,
                () -> new HttpJwkSetFetcher(LOCAL).fetch(URI.create(jwksUri)));
        assertTrue(error.getMessage().contains("larger"), error.getMessage());
        chunked = true; // no Content-Length: counted while read
        IOException whileRead = assertThrows(IOException.class,
                () -> new HttpJwkSetFetcher(LOCAL).fetch(URI.create(jwksUri)));
        assertTrue(whileRead.getMessage().contains("larger"), whileRead.getMessage());
        assertEquals(1, new HttpJwkSetFetcher(LOCAL.withMaxSize(100 * 1024)).fetch(URI.create(jwksUri)).getKeys()
                .size());
    }

    @Test
    void aSlowServerTimesOut() {
        delayMillis = 3000;
        JwksUriSettings quick = LOCAL.withConnectTimeout(Duration.ofMillis(300))
                .withReadTimeout(Duration.ofMillis(300));
        long start = System.nanoTime();
        IOException error = assertThrows(IOException.class,
                () -> new HttpJwkSetFetcher(quick).fetch(URI.create(jwksUri)));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis < 2000, "gave up after " + elapsedMillis + " ms: " + error.getMessage());
    }

    @Test
    void aRedirectIsNotFollowed() {
        String moved = jwksUri.replace("/jwks", "/moved");
        IOException error = assertThrows(IOException.class,
                () -> new HttpJwkSetFetcher(LOCAL).fetch(URI.create(moved)));
        assertTrue(error.getMessage().contains("302"), error.getMessage());
        assertEquals(1, hits.get(), "only /moved was asked");
    }

    @Test
    void anErrorStatusOrAnotherBodyIsRefused() {
        status = 404;
        assertThrows(IOException.class, () -> new HttpJwkSetFetcher(LOCAL).fetch(URI.create(jwksUri)));
        status = 200;
        body = "<html>not a JWK Set</html>";
        assertThrows(IOException.class, () -> new HttpJwkSetFetcher(LOCAL).fetch(URI.create(jwksUri)));
    }

    @Test
    void privateAddressesAreRefusedUnlessAllowed() throws Exception {
        JwksUriSettings httpOnly = JwksUriSettings.DEFAULT.withHttpAllowed(true);
        IOException error = assertThrows(IOException.class,
                () -> new HttpJwkSetFetcher(httpOnly).fetch(URI.create(jwksUri)));
        assertTrue(error.getMessage().contains("private"), error.getMessage());
        assertThrows(IOException.class, () -> new HttpJwkSetFetcher(httpOnly).fetch(URI.create(
                jwksUri.replace("127.0.0.1", "localhost"))));
        assertThrows(IOException.class, () -> new HttpJwkSetFetcher(httpOnly).fetch(URI.create(
                jwksUri.replace("127.0.0.1", "[::1]"))));
        JwtFixture f = fixture(httpOnly);
        assertStatus(401, authenticate(f, RSA));
        assertEquals(0, hits.get(), "nothing was sent");
    }

    @Test
    void httpsIsRequiredUnlessHttpIsAllowed() {
        IOException error = assertThrows(IOException.class, () -> new HttpJwkSetFetcher(JwksUriSettings.DEFAULT
                .withPrivateAddressesAllowed(true)).fetch(URI.create(jwksUri)));
        assertTrue(error.getMessage().contains("https"), error.getMessage());
        assertThrows(IOException.class, () -> new HttpJwkSetFetcher(LOCAL).fetch(URI.create("file:///etc/passwd")));
        assertThrows(IOException.class, () -> new HttpJwkSetFetcher(LOCAL).fetch(URI.create(
                jwksUri.replace("http://", "http://user:pass@"))));
        assertEquals(0, hits.get());
    }

    // ---------------------------------------------------------------- with a fake fetcher

    /** Counts fetches and answers what the test sets, or fails. */
    private static final class FakeFetcher implements JwkSetFetcher {
        final AtomicInteger calls = new AtomicInteger();
        volatile JWKSet answer;

        @Override
        public JWKSet fetch(URI uri) throws IOException {
            calls.incrementAndGet();
            if (answer == null) {
                throw new IOException("unreachable");
            }
            return answer;
        }
    }

    @Test
    void aFailedFetchIsRetriedOnlyAfterTheRefreshInterval() throws Exception {
        FakeFetcher fake = new FakeFetcher();
        JwtFixture f = new JwtFixture(fake, JwksUriSettings.DEFAULT, "https://client.example/jwks");
        assertStatus(401, authenticate(f, RSA));
        assertStatus(401, authenticate(f, RSA));
        assertEquals(1, fake.calls.get());
        fake.answer = new JWKSet(RSA.toPublicJWK());
        f.clock.advance(Duration.ofSeconds(10));
        assertStatus(200, authenticate(f, RSA));
        assertEquals(2, fake.calls.get());
    }

    @Test
    void aFailedRefreshKeepsAFreshSet() throws Exception {
        FakeFetcher fake = new FakeFetcher();
        fake.answer = new JWKSet(RSA.toPublicJWK());
        JwtFixture f = new JwtFixture(fake, JwksUriSettings.DEFAULT, "https://client.example/jwks");
        assertStatus(200, authenticate(f, RSA));
        fake.answer = null;
        f.clock.advance(Duration.ofSeconds(30));
        assertStatus(401, authenticate(f, NEW_RSA)); // refresh fails
        assertStatus(200, authenticate(f, RSA));
        f.clock.advance(Duration.ofMinutes(5));
        assertStatus(401, authenticate(f, RSA)); // expired, and the fetch fails: not used
        assertEquals(3, fake.calls.get());
    }

    @Test
    void onlyPublicKeysOfAFetchedSetAreUsed() throws Exception {
        FakeFetcher fake = new FakeFetcher();
        fake.answer = new JWKSet(RSA); // with its private part, wrongly published
        JwtFixture f = new JwtFixture(fake, JwksUriSettings.DEFAULT, "https://client.example/jwks");
        assertStatus(200, authenticate(f, RSA));
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(RSA.getKeyID()).build();
        assertTrue(f.keys.candidates(f.clients.clients.get(URI_CLIENT), header).stream().noneMatch(k -> k.isPrivate()));
    }

    @Test
    void aClientWithBothJwksAndJwksUriHasNoKeys() throws Exception {
        FakeFetcher fake = new FakeFetcher();
        fake.answer = new JWKSet(RSA.toPublicJWK());
        JwtFixture f = new JwtFixture(fake, JwksUriSettings.DEFAULT, "https://client.example/jwks");
        f.clients.add(new JwtFixture.Client(URI_CLIENT, null, "private_key_jwt", Set.of("client_credentials"),
                JsonSupport.parse("{\"jwks_uri\":\"https://client.example/jwks\",\"jwks\":"
                        + new JWKSet(RSA.toPublicJWK()) + "}").asJsonObject()));
        assertStatus(401, authenticate(f, RSA));
        assertEquals(0, fake.calls.get());
    }

    @Test
    void aClientWithoutKeysCannotAuthenticate() throws Exception {
        FakeFetcher fake = new FakeFetcher();
        JwtFixture f = new JwtFixture(fake, JwksUriSettings.DEFAULT, "https://client.example/jwks");
        f.clients.add(new JwtFixture.Client(URI_CLIENT, null, "private_key_jwt", Set.of("client_credentials"),
                JsonSupport.parse("{}").asJsonObject()));
        assertStatus(401, authenticate(f, RSA));
        f.clients.add(new JwtFixture.Client(URI_CLIENT, null, "private_key_jwt", Set.of("client_credentials"),
                JsonSupport.parse("{\"jwks_uri\":\"not a uri\"}").asJsonObject()));
        assertStatus(401, authenticate(f, RSA));
        assertEquals(0, fake.calls.get());
    }
}
