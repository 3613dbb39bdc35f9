package dev.tollgate.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.common.Secrets;
import dev.tollgate.dpop.DpopNonces;
import dev.tollgate.dpop.DpopProofValidator;
import dev.tollgate.dpop.DpopSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
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
 * A DPoP proof's validation at a protected resource per algorithm (RFC 9449 §4.3, §7.1): {@link DpopProofValidator}
 * with the {@code ath} of an access token, as {@code DpopSenderConstraint} runs it for every request with a DPoP-bound
 * token: parsing, the header's {@code jwk}, the signature, the claims and the key's thumbprint. The proof is made once;
 * its {@code jti} goes to a replay cache that accepts every key (the JCache lookup is not what is measured here, and a
 * fresh proof per call would measure the signing too). {@link #baselineSha256} hashes the access token once, as
 * {@code ath} does: the other figures read best as multiples of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DpopBenchmarks {

    private static final URI RESOURCE = URI.create("http://127.0.0.1:8080/api/me");

    @Param({"RS256", "PS256", "ES256"})
    public String algorithm;

    private DpopProofValidator validator;
    private String accessToken;
    private String proof;

    @Setup
    public void setUp() throws JOSEException, NoSuchAlgorithmException {
        JWSAlgorithm jws = JWSAlgorithm.parse(algorithm);
        JWK key = "ES256".equals(algorithm) ? new ECKeyGenerator(Curve.P_256).generate()
                : new RSAKeyGenerator(2048).generate();
        Clock clock = Clock.systemUTC();
        validator = new DpopProofValidator(DpopSettings.DEFAULT,
                new DpopNonces(() -> "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
                        DpopSettings.DEFAULT.nonceLifetime(), clock), (jti, lifetime) -> true, clock);
        accessToken = Secrets.randomToken(32);
        byte[] ath = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(jws).type(DpopProofValidator.TYPE).jwk(key.toPublicJWK())
                .build(), new JWTClaimsSet.Builder().jwtID(Secrets.randomToken(16)).claim("htm", "GET")
                .claim("htu", RESOURCE.toString()).issueTime(new Date()).claim("ath", Base64URL.encode(ath).toString())
                .build());
        jwt.sign(new DefaultJWSSignerFactory().createJWSSigner(key, jws));
        proof = jwt.serialize(); // valid for the proof age and skew of DpopSettings.DEFAULT: longer than a run
    }

    @Benchmark
    public String validateProof() {
        return validator.validate(proof, "GET", List.of(RESOURCE), accessToken, false);
    }

    @Benchmark
    public String baselineSha256() {
        return Secrets.sha256(accessToken);
    }
}
