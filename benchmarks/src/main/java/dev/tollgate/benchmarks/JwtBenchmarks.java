package dev.tollgate.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.common.JsonSupport;
import dev.tollgate.common.ReplayCache;
import dev.tollgate.common.Secrets;
import dev.tollgate.jwt.AccessTokenFormat;
import dev.tollgate.jwt.AssertionSettings;
import dev.tollgate.jwt.AssertionValidator;
import dev.tollgate.jwt.ClientAssertions;
import dev.tollgate.jwt.ClientKeys;
import dev.tollgate.jwt.ClientSecretJwt;
import dev.tollgate.jwt.InMemoryRevokedTokens;
import dev.tollgate.jwt.JwksUriSettings;
import dev.tollgate.jwt.JwtAccessTokenSettings;
import dev.tollgate.jwt.JwtAccessTokens;
import dev.tollgate.jwt.PrivateKeyJwt;
import dev.tollgate.oauth2.BearerSettings;
import dev.tollgate.oauth2.ClientAuthenticator;
import dev.tollgate.oauth2.ClientCredentialsGrant;
import dev.tollgate.oauth2.ClientStore;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.OAuth2Server;
import dev.tollgate.oauth2.OAuth2ServerBuilder;
import dev.tollgate.oauth2.OAuth2Settings;
import dev.tollgate.oauth2.OAuth2Token;
import dev.tollgate.oauth2.RegisteredClient;
import dev.tollgate.oauth2.ResourceProtector;
import dev.tollgate.oauth2.TokenSettings;
import dev.tollgate.oidc.KeyEncryption;
import dev.tollgate.oidc.KeySettings;
import dev.tollgate.oidc.RotatingSigningKeys;
import dev.tollgate.oidc.SigningAlgorithms;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JWT family's validations per algorithm, each through the classes the server runs for it, over an
 * {@link OAuth2Server} with {@code private_key_jwt}, {@code client_secret_jwt}, the {@code client_credentials} grant
 * and RFC 9068 access tokens installed, and in-memory stores, so that no database is measured.
 * <ul>
 *   <li>{@link #authenticateClient}: the token endpoint's client authentication ({@link ClientAuthenticator}) of a
 *       request with an RFC 7523 client assertion: {@code private_key_jwt} signed with RS256, PS256 or ES256 and
 *       verified with the public key in the client's {@code jwks} metadata, or {@code client_secret_jwt} with
 *       HS256 and the client's secret. That is every step the server takes: each method's look at the request, the
 *       assertion read for the client id and its claims checked, the client found, the assertion read again, for
 *       {@code private_key_jwt} the client's JWK Set read from its metadata, the signature verified, the
 *       {@code jti} recorded.</li>
 *   <li>{@link #validateAccessToken}: what {@code BearerTokenFilter} does for {@code GET /api/me} with an RFC 9068
 *       access token ({@link ResourceProtector#validateRequest} with scope {@code profile}): the signature checked
 *       with the server's published key, the claims, the deny-list; no store read. The token is one the server
 *       issued for {@code client_credentials}, signed with the algorithm of the parameter put first in the
 *       server's {@link KeySettings} (RS256 is the default; the server signs no access token with an HMAC).</li>
 * </ul>
 * One signed assertion is presented at every invocation, and the replay cache accepts every {@code jti} without
 * recording it: a fresh assertion for each invocation would have to be signed, which for RSA costs some twenty
 * verifications, so that signing them ahead would take most of the run and signing them in it most of the figure;
 * and what recording costs is the deployment's cache (a JCache {@code putIfAbsent}, a network call with
 * Hazelcast), not the validation. The key the validator makes for the cache, a SHA-256 of issuer and {@code jti},
 * is still computed. The server's clock is fixed at the setup, so that the assertion (at most 5 minutes ahead) and
 * the token stay valid however long a run lasts. {@link #baselineSha256} hashes the assertion's signing input once
 * (what every signature hashes): the other figures read best as multiples of it, the access token's as multiples of
 * the baseline of the same {@code algorithm}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1) // after five seconds ES256 and RSA validation were still getting faster
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JwtBenchmarks {

    private static final String ISSUER = "http://127.0.0.1:8080";
    private static final String KEY_CLIENT = "demo-jwt-client";
    private static final String SECRET_CLIENT = "demo-secret-jwt";
    private static final String SECRET = "demo-secret-jwt-0123456789abcdef0123456789abcdef";
    private static final ReplayCache EVERY_JTI_NEW = (key, lifetime) -> true;

    /** A token request of a client authenticating with a client assertion of the {@code algorithm}. */
    @State(Scope.Benchmark)
    public static class ClientAssertion {

        @Param({"RS256", "PS256", "ES256", "HS256"})
        public String algorithm;

        ClientAuthenticator authenticator;
        OAuth2Request request;
        byte[] signingInput;

        @Setup
        public void setUp() throws Exception {
            JWSAlgorithm jwsAlgorithm = JWSAlgorithm.parse(algorithm);
            Server server = new Server(KeySettings.DEFAULT, jwsAlgorithm);
            authenticator = server.server.capabilities().clientAuthentication();
            String assertion = server.clientAssertion();
            request = server.tokenRequest(assertion);
            signingInput = SignedJWT.parse(assertion).getSigningInput();
            if (!server.client.getClientId().equals(authenticator.authenticate(request, true).getClientId())) {
                throw new IllegalStateException("The client assertion does not authenticate its client");
            }
        }
    }

    /** {@code GET /api/me} with an RFC 9068 access token the server signed with the {@code algorithm}. */
    @State(Scope.Benchmark)
    public static class AccessToken {

        @Param({"RS256", "PS256", "ES256"})
        public String algorithm;

        ResourceProtector protector;
        OAuth2Request request;

        @Setup
        public void setUp() throws Exception {
            JWSAlgorithm first = JWSAlgorithm.parse(algorithm);
            List<JWSAlgorithm> algorithms = new ArrayList<>(List.of(first));
            KeySettings.DEFAULT.algorithms().stream().filter(other -> !other.equals(first)).forEach(algorithms::add);
            Server server = new Server(KeySettings.DEFAULT.withAlgorithms(algorithms), JWSAlgorithm.RS256);
            protector = server.server.resourceProtector(BearerSettings.DEFAULT);
            String token = server.accessToken();
            request = OAuth2Request.of("GET", "/", Map.of("Authorization", List.of("Bearer " + token)), null, null);
            if (!first.equals(SignedJWT.parse(token).getHeader().getAlgorithm())
                    || !KEY_CLIENT.equals(protector.validateRequest(request, "profile").getClientId())) {
                throw new IllegalStateException("Not a valid " + algorithm + " access token: " + token);
            }
        }
    }

    @Benchmark
    public byte[] baselineSha256(ClientAssertion state) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(state.signingInput);
    }

    /** The token endpoint authenticating the client of the assertion. */
    @Benchmark
    public OAuth2Client authenticateClient(ClientAssertion state) {
        return state.authenticator.authenticate(state.request, true);
    }

    /** The resource server's check of an RFC 9068 access token, as for {@code GET /api/me}. */
    @Benchmark
    public OAuth2Token validateAccessToken(AccessToken state) {
        return state.protector.validateRequest(state.request, "profile");
    }

    /**
     * A server with the two JWT client authentication methods, the {@code client_credentials} grant and JWT access
     * tokens, and one client of the assertion's algorithm: for an HMAC, {@code client_secret_jwt} with the demo's
     * secret; else {@code private_key_jwt} with a new key pair, the public key in its {@code jwks} as the demo client
     * registers it.
     */
    private static final class Server {

        final Instant now = Instant.now();
        final OAuth2Settings settings = OAuth2Settings.builder(ISSUER).scopesSupported(Set.of("profile")).build();
        final OAuth2Server server;
        final OAuth2Client client;
        private final JWSAlgorithm algorithm;
        private final JWSSigner signer;
        private final String kid;

        Server(KeySettings keySettings, JWSAlgorithm algorithm) throws JOSEException {
            this.algorithm = algorithm;
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            AssertionValidator validator = new AssertionValidator(settings, AssertionSettings.DEFAULT, EVERY_JTI_NEW,
                    clock);
            if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
                client = new Client(SECRET_CLIENT, SECRET, ClientSecretJwt.NAME, JsonSupport.JSON
                        .createObjectBuilder().build());
                signer = new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8));
                kid = null;
            } else {
                JWK key = SigningAlgorithms.generate(algorithm, "demo-jwt-client-1", Date.from(now)); // use, alg
                client = new Client(KEY_CLIENT, null, PrivateKeyJwt.NAME, JsonSupport.JSON.createObjectBuilder()
                        .add("jwks", JsonSupport.parse(new JWKSet(key.toPublicJWK()).toString()))
                        .add(AccessTokenFormat.METADATA, AccessTokenFormat.JWT.value()).build());
                signer = new DefaultJWSSignerFactory().createJWSSigner(key, algorithm);
                kid = key.getKeyID();
            }
            RotatingSigningKeys keys = new RotatingSigningKeys(keySettings,
                    new OpenIdBenchmarks.MemorySigningKeyStore(), KeyEncryption.NONE, clock);
            for (JWSAlgorithm offered : keySettings.algorithms()) { // as the example runs: a key for each, published
                keys.signingKey(offered);
            }
            OAuth2ServerBuilder builder = OAuth2Server.builder(settings, TokenSettings.DEFAULT,
                            new Clients(Map.of(client.getClientId(), client)),
                            new OAuth2Benchmarks.MapTokenStore(new ConcurrentHashMap<>()), clock)
                    .grant(new ClientCredentialsGrant())
                    .clientAuthentication(new PrivateKeyJwt(validator, new ClientKeys(JwksUriSettings.DEFAULT, clock)))
                    .clientAuthentication(new ClientSecretJwt(validator));
            JwtAccessTokens.install(builder, keys, JwtAccessTokenSettings.DEFAULT, new InMemoryRevokedTokens(clock));
            server = builder.build();
        }

        /** As the Nimbus SDK makes one: {@code iss} = {@code sub} = the client, to the token endpoint, 5 minutes. */
        String clientAssertion() throws JOSEException {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(client.getClientId()).subject(client.getClientId())
                    .audience(settings.endpointUrl(OAuth2Settings.TOKEN)).issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(300))).jwtID(Secrets.randomToken(16)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        }

        OAuth2Request tokenRequest(String assertion) {
            return OAuth2Request.of("POST", settings.endpointUrl(OAuth2Settings.TOKEN), Map.of(),
                    FormUrlEncoding.format(Map.of("grant_type", ClientCredentialsGrant.GRANT_TYPE, "scope", "profile",
                            "client_assertion_type", ClientAssertions.JWT_BEARER, "client_assertion", assertion)),
                    FormUrlEncoding.CONTENT_TYPE);
        }

        /** An access token for the client, from the token endpoint. */
        String accessToken() throws JOSEException {
            OAuth2Response response = server.createTokenResponse(tokenRequest(clientAssertion()));
            if (response.status() != 200) {
                throw new IllegalStateException("No access token: " + response.body());
            }
            return JsonSupport.parse(response.body()).asJsonObject().getString("access_token");
        }
    }

    /** A confidential client of {@code client_credentials} with scope {@code profile}. */
    private record Client(String clientId, String secret, String method, JsonObject metadata) implements OAuth2Client {

        @Override
        public String getClientId() {
            return clientId;
        }

        @Override
        public String getClientSecretHash() {
            return secret == null ? null : Secrets.sha256(secret);
        }

        @Override
        public String getClientSecret() {
            return secret;
        }

        @Override
        public String getTokenEndpointAuthMethod() {
            return method;
        }

        @Override
        public List<String> getRedirectUris() {
            return List.of();
        }

        @Override
        public Set<String> getGrantTypes() {
            return Set.of(ClientCredentialsGrant.GRANT_TYPE);
        }

        @Override
        public Set<String> getResponseTypes() {
            return Set.of();
        }

        @Override
        public String getScope() {
            return "profile";
        }

        @Override
        public JsonObject getMetadata() {
            return metadata;
        }
    }

    /** The one client, in a map. */
    private record Clients(Map<String, OAuth2Client> byId) implements ClientStore {

        @Override
        public Optional<OAuth2Client> find(String clientId) {
            return Optional.ofNullable(byId.get(clientId));
        }

        @Override
        public void save(RegisteredClient client) {
            throw new UnsupportedOperationException("No registration here");
        }
    }
}
