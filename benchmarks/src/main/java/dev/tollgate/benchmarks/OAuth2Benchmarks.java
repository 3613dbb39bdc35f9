package dev.tollgate.benchmarks;

import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.BearerTokenValidator;
import dev.tollgate.oauth2.IssuedToken;
import dev.tollgate.oauth2.OAuth2Token;
import dev.tollgate.oauth2.Pkce;
import dev.tollgate.oauth2.TokenStore;
import java.time.Clock;
import java.time.Instant;
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
 * The OAuth 2.0 hot paths: bearer validation over an in-memory store of {@code tokens} tokens (the store's
 * own cost aside, validation must not grow with it), token generation, PKCE. {@link #baselineSha256}
 * hashes one token: the other figures read best as multiples of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OAuth2Benchmarks {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Param({"100", "1000000"})
    public int tokens;

    private BearerTokenValidator validator;
    private String accessToken;
    private final List<Set<String>> profile = List.of(Set.of("profile"));

    @Setup
    public void setUp() {
        Instant now = Instant.now();
        Map<String, OAuth2Token> byHash = new ConcurrentHashMap<>(tokens * 2);
        for (int i = 0; i < tokens; i++) {
            String token = Secrets.randomToken(32);
            String hash = Secrets.sha256(token);
            byHash.put(hash, new IssuedToken(hash, null, "client", "alice", "profile email", "grant-" + i, now,
                    now.plusSeconds(3600), null, null));
            accessToken = token;
        }
        validator = new BearerTokenValidator(new MapTokenStore(byHash), Clock.systemUTC(), "tollgate");
    }

    @Benchmark
    public String baselineSha256() {
        return Secrets.sha256(accessToken);
    }

    @Benchmark
    public OAuth2Token validateBearerToken() {
        return validator.validate(accessToken, profile);
    }

    @Benchmark
    public String generateToken() {
        return Secrets.randomToken(32);
    }

    @Benchmark
    public boolean verifyPkceS256() {
        return Pkce.verify(VERIFIER, CHALLENGE, Pkce.S256);
    }

    /** Lookups by hash in a map: the validation's own cost, without a database. */
    record MapTokenStore(Map<String, OAuth2Token> byHash) implements TokenStore {

        @Override
        public void save(OAuth2Token token) {
            byHash.put(token.getAccessTokenHash(), token);
        }

        @Override
        public Optional<OAuth2Token> findByAccessTokenHash(String accessTokenHash) {
            return Optional.ofNullable(byHash.get(accessTokenHash));
        }

        @Override
        public Optional<OAuth2Token> findByRefreshTokenHash(String refreshTokenHash) {
            return Optional.empty();
        }

        @Override
        public boolean revoke(String accessTokenHash) {
            return false;
        }

        @Override
        public void revokeGrant(String grantId) {
        }

        @Override
        public boolean isGrantRevoked(String grantId) {
            return false;
        }

        @Override
        public List<String> revokeAll(String username, String clientId) {
            return List.of();
        }
    }
}
