package dev.tollgate.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.common.Secrets;
import dev.tollgate.oidc.Jwts;
import dev.tollgate.oidc.KeyEncryption;
import dev.tollgate.oidc.KeySettings;
import dev.tollgate.oidc.RotatingSigningKeys;
import dev.tollgate.oidc.SigningAlgorithms;
import dev.tollgate.oidc.SigningKeyStore;
import dev.tollgate.oidc.StoredSigningKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
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
 * ID tokens per signing algorithm: signing one as the server does ({@link Jwts#sign} over
 * {@link RotatingSigningKeys} with an in-memory store holding a key for each offered algorithm, keys in the
 * clear), and validating one: through {@link Jwts#verify} (the server reading its own token back, as for an
 * {@code id_token_hint}) and as a relying party does with a Nimbus verifier made once from the published key.
 * The {@code Nimbus} variants sign and verify with a signer or verifier made once, so that the difference to
 * the library's figures is what its key handling costs per token. {@link #baselineSha256} hashes the token's
 * signing input once (what every signature hashes): the other figures read best as multiples of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1) // RSA verification was still getting faster after 3 s on the shared cores
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OpenIdBenchmarks {

    private static final String ISSUER = "http://127.0.0.1:8080";
    private static final String CLIENT = "demo-oidc";
    private static final String NONCE = "n-0S6_WzA2Mj";

    @Param({"RS256", "PS256", "ES256"})
    public String algorithm;

    private JWSAlgorithm jwsAlgorithm;
    private Jwts jwts;
    private JWSSigner signer;
    private JWSVerifier verifier;
    private String kid;
    private String accessToken;
    private Instant issuedAt;
    private String idToken;
    private byte[] signingInput;

    @Setup
    public void setUp() throws Exception {
        jwsAlgorithm = JWSAlgorithm.parse(algorithm);
        // as the example runs: every default algorithm has a key (RS256, ES256, PS256), all published
        RotatingSigningKeys keys = new RotatingSigningKeys(KeySettings.DEFAULT, new MemorySigningKeyStore(),
                KeyEncryption.NONE, Clock.systemUTC());
        for (JWSAlgorithm offered : KeySettings.DEFAULT.algorithms()) {
            keys.signingKey(offered);
        }
        jwts = new Jwts(keys);
        JWK key = keys.signingKey(jwsAlgorithm);
        kid = key.getKeyID();
        signer = new DefaultJWSSignerFactory().createJWSSigner(key, jwsAlgorithm);
        JWK published = keys.publicKeys().getKeyByKeyId(kid);
        verifier = new DefaultJWSVerifierFactory().createJWSVerifier(new JWSHeader(jwsAlgorithm),
                ((AsymmetricJWK) published).toPublicKey());
        accessToken = Secrets.randomToken(32);
        issuedAt = Instant.now();
        idToken = signIdToken();
        signingInput = SignedJWT.parse(idToken).getSigningInput();
        if (!NONCE.equals(verifyIdToken()) || !NONCE.equals(verifyIdTokenNimbus())
                || !NONCE.equals(readNonce(signIdTokenNimbus(), verifier))) {
            throw new IllegalStateException("The ID tokens do not verify");
        }
    }

    @Benchmark
    public byte[] baselineSha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(signingInput);
    }

    /** The server's path: the claims of a code flow with {@code openid profile email}, signed by {@link Jwts}. */
    @Benchmark
    public String signIdToken() {
        return jwts.sign(jwsAlgorithm, JOSEObjectType.JWT, claims());
    }

    /** The same claims signed with a signer made once: Nimbus's own cost. */
    @Benchmark
    public String signIdTokenNimbus() throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(jwsAlgorithm).keyID(kid).type(JOSEObjectType.JWT).build(),
                claims());
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** The server reading its own token back ({@code id_token_hint}): key looked up by {@code kid}. */
    @Benchmark
    public String verifyIdToken() throws ParseException {
        return checked(jwts.verify(idToken));
    }

    /** A relying party's validation with a verifier made once from the published key, the same checks. */
    @Benchmark
    public String verifyIdTokenNimbus() throws ParseException, JOSEException {
        return readNonce(idToken, verifier);
    }

    private String readNonce(String token, JWSVerifier with) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!jwt.verify(with)) {
            throw new IllegalStateException("Bad signature");
        }
        return checked(jwt.getJWTClaimsSet());
    }

    // what a relying party checks besides the signature (Core §3.1.3.7): issuer, audience, expiry, nonce
    private String checked(JWTClaimsSet claims) throws ParseException {
        if (!ISSUER.equals(claims.getIssuer()) || !claims.getAudience().contains(CLIENT)
                || claims.getExpirationTime().toInstant().isBefore(issuedAt)) {
            throw new IllegalStateException("Wrong claims");
        }
        return claims.getStringClaim("nonce");
    }

    private JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder()
                .claim("name", "Alice Liddell").claim("given_name", "Alice").claim("family_name", "Liddell")
                .claim("email", "alice@example.com").claim("email_verified", true)
                .issuer(ISSUER).subject("alice").audience(CLIENT)
                .expirationTime(Date.from(issuedAt.plusSeconds(600))).issueTime(Date.from(issuedAt))
                .claim("auth_time", issuedAt.getEpochSecond()).claim("nonce", NONCE)
                .claim("at_hash", SigningAlgorithms.halfHash(jwsAlgorithm, accessToken))
                .build();
    }

    /** The keys in a map: the signing's own cost, without a database. */
    static final class MemorySigningKeyStore implements SigningKeyStore {

        private final Map<String, StoredSigningKey> keys = new ConcurrentHashMap<>();

        @Override
        public List<StoredSigningKey> findAll() {
            return List.copyOf(keys.values());
        }

        @Override
        public void save(StoredSigningKey key) {
            keys.put(key.kid(), key);
        }

        @Override
        public void delete(String kid) {
            keys.remove(kid);
        }
    }
}
