package dev.tollgate.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of RFC 9449 §4.3 for a DPoP proof, the nonces of §8 and the replay rule of §11.1. */
class DpopProofValidatorTest {

    private static final URI TOKEN = URI.create("https://as.example/oauth2/token");
    private static final ECKey KEY = ec();
    private static final ECKey OTHER_KEY = ec();

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final Map<String, Duration> replays = new ConcurrentHashMap<>();
    private final DpopNonces nonces = new DpopNonces(() -> "0123456789abcdef0123456789abcdef".getBytes(),
            Duration.ofMinutes(5), clock);
    private final DpopProofValidator validator = new DpopProofValidator(DpopSettings.DEFAULT, nonces,
            (key, lifetime) -> replays.putIfAbsent(key, lifetime) == null, clock);

    private static ECKey ec() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String proof(JWTClaimsSet.Builder claims) throws Exception {
        return proof(new JWSHeader.Builder(JWSAlgorithm.ES256).type(DpopProofValidator.TYPE)
                .jwk(KEY.toPublicJWK()).build(), claims);
    }

    private String proof(JWSHeader header, JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims.build());
        jwt.sign(new ECDSASigner(KEY));
        return jwt.serialize();
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().jwtID(java.util.UUID.randomUUID().toString()).claim("htm", "POST")
                .claim("htu", TOKEN.toString()).issueTime(Date.from(clock.instant()));
    }

    private String validate(String proof) {
        return validator.validate(proof, "POST", List.of(TOKEN), null, false);
    }

    private static void assertInvalid(Runnable call) {
        OAuth2Error error = assertThrows(OAuth2Error.class, call::run);
        assertEquals(DpopProofValidator.INVALID_DPOP_PROOF, error.error(), error.description());
        assertEquals(400, error.status());
    }

    // ---------------------------------------------------------------- a good proof

    @Test
    void aProofOfTheNimbusSdkGivesItsKeysThumbprint() throws Exception {
        String proof = new DefaultDPoPProofFactory(KEY, JWSAlgorithm.ES256).createDPoPJWT("POST", TOKEN).serialize();
        assertEquals(KEY.computeThumbprint().toString(), validate(proof));
    }

    @Test
    void rsaAndPssProofsWork() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        for (JWSAlgorithm algorithm : List.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256)) {
            String proof = new DefaultDPoPProofFactory(rsa, algorithm).createDPoPJWT("POST", TOKEN).serialize();
            assertEquals(rsa.computeThumbprint().toString(), validate(proof));
        }
    }

    // ---------------------------------------------------------------- §4.3, one rule each

    @Test
    void aReplayedProofIsRefused() throws Exception {
        String proof = proof(claims());
        validate(proof);
        assertInvalid(() -> validate(proof));
        assertTrue(replays.values().stream().allMatch(kept -> kept.compareTo(Duration.ofSeconds(120)) >= 0),
                "the jti is kept as long as the proof could be accepted");
    }

    @Test
    void concurrentUsesOfOneProofSucceedOnce() throws Exception {
        String proof = proof(claims());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> uses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                uses.add(() -> {
                    try {
                        validate(proof);
                        return true;
                    } catch (OAuth2Error e) {
                        return false;
                    }
                });
            }
            int accepted = 0;
            for (Future<Boolean> use : pool.invokeAll(uses)) {
                accepted += use.get() ? 1 : 0;
            }
            assertEquals(1, accepted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theTypMustBeDpopJwt() throws Exception {
        assertInvalid(() -> sneaky(() -> validate(proof(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(JOSEObjectType.JWT).jwk(KEY.toPublicJWK()).build(), claims()))));
    }

    @Test
    void anHmacOrUnsignedProofIsRefused() throws Exception {
        SignedJWT mac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(DpopProofValidator.TYPE)
                .jwk(KEY.toPublicJWK()).build(), claims().build());
        mac.sign(new MACSigner("0123456789abcdef0123456789abcdef"));
        assertInvalid(() -> validate(mac.serialize()));
        String unsigned = new com.nimbusds.jwt.PlainJWT(claims().build()).serialize();
        assertInvalid(() -> validate(unsigned));
    }

    @Test
    void aPrivateJwkOrNoneIsRefused() throws Exception {
        // by hand: Nimbus refuses to build such a header
        String header = com.nimbusds.jose.util.Base64URL.encode("{\"typ\":\"dpop+jwt\",\"alg\":\"ES256\",\"jwk\":"
                + KEY.toJSONString() + "}").toString();
        String input = header + "." + com.nimbusds.jose.util.Base64URL.encode(claims().build().toString());
        String withPrivateKey = input + "." + new ECDSASigner(KEY).sign(new JWSHeader(JWSAlgorithm.ES256),
                input.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertInvalid(() -> validate(withPrivateKey));
        assertInvalid(() -> sneaky(() -> validate(proof(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(DpopProofValidator.TYPE).build(), claims()))));
    }

    @Test
    void aSignatureByAnotherKeyThanTheJwkIsRefused() throws Exception {
        assertInvalid(() -> sneaky(() -> validate(proof(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(DpopProofValidator.TYPE).jwk(OTHER_KEY.toPublicJWK()).build(), claims()))));
    }

    @Test
    void anotherMethodOrUriIsRefused() throws Exception {
        assertInvalid(() -> sneaky(() -> validate(proof(claims().claim("htm", "GET")))));
        assertInvalid(() -> sneaky(() -> validate(proof(claims().claim("htu", "https://as.example/oauth2/other")))));
        assertInvalid(() -> sneaky(() -> validate(proof(claims().claim("htu", "https://evil.example/oauth2/token")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://AS.example/oauth2/token", "HTTPS://as.example:443/oauth2/token",
        "https://as.example/oauth2/token?x=1", "https://as.example/oauth2/token#f"})
    void theUriIsComparedAsSection4Point3Says(String htu) throws Exception {
        assertEquals(KEY.computeThumbprint().toString(), validate(proof(claims().claim("htu", htu))));
    }

    @Test
    void aProofTooOldOrFromTheFutureIsRefused() throws Exception {
        String fresh = proof(claims());
        clock.advance(Duration.ofSeconds(121)); // 60 s of age and 60 s of skew
        assertInvalid(() -> validate(fresh));
        assertInvalid(() -> sneaky(() -> validate(proof(claims().issueTime(Date.from(clock.instant()
                .plusSeconds(61)))))));
        assertInvalid(() -> sneaky(() -> validate(proof(claims().issueTime(null)))));
    }

    @Test
    void aMissingJtiIsRefused() throws Exception {
        assertInvalid(() -> sneaky(() -> validate(proof(claims().jwtID(null)))));
    }

    @Test
    void theAccessTokenHashMustMatchAtAResource() throws Exception {
        DPoPAccessToken token = new DPoPAccessToken("the-token");
        String proof = new DefaultDPoPProofFactory(KEY, JWSAlgorithm.ES256).createDPoPJWT("GET",
                URI.create("https://rs.example/api/me"), token).serialize();
        assertEquals(KEY.computeThumbprint().toString(), validator.validate(proof, "GET",
                List.of(URI.create("https://rs.example/api/me")), "the-token", false));
        String other = new DefaultDPoPProofFactory(KEY, JWSAlgorithm.ES256).createDPoPJWT("GET",
                URI.create("https://rs.example/api/me"), token).serialize();
        assertInvalid(() -> validator.validate(other, "GET", List.of(URI.create("https://rs.example/api/me")),
                "another-token", false));
    }

    @Test
    void anOversizedProofIsRefused() {
        assertInvalid(() -> validate("e".repeat(DpopSettings.DEFAULT.maxLength() + 1)));
    }

    // ---------------------------------------------------------------- §8 nonces

    @Test
    void aDemandedNonceIsAskedForThenAccepted() throws Exception {
        OAuth2Error error = assertThrows(OAuth2Error.class, () -> validator.validate(proof(claims()), "POST",
                List.of(TOKEN), null, true));
        assertEquals(DpopProofValidator.USE_DPOP_NONCE, error.error());
        String nonce = error.headers().get("DPoP-Nonce");
        assertTrue(nonces.isValid(nonce));
        String proof = new DefaultDPoPProofFactory(KEY, JWSAlgorithm.ES256).createDPoPJWT("POST", TOKEN, null,
                new Nonce(nonce)).serialize();
        assertEquals(KEY.computeThumbprint().toString(), validator.validate(proof, "POST", List.of(TOKEN), null,
                true));
    }

    @Test
    void aNonceWorksForItsPeriodAndTheNextOnly() {
        String nonce = nonces.current();
        clock.advance(Duration.ofMinutes(5));
        assertTrue(nonces.isValid(nonce));
        assertNotEquals(nonce, nonces.current());
        clock.advance(Duration.ofMinutes(5));
        assertFalse(nonces.isValid(nonce));
        assertFalse(nonces.isValid("made-up"));
    }

    @Test
    void anotherKeysNoncesAreNotValid() {
        DpopNonces other = new DpopNonces(() -> "another-key-of-thirty-two-bytes!".getBytes(), Duration.ofMinutes(5),
                clock);
        assertFalse(nonces.isValid(other.current()));
    }

    @Test
    void settingsRefuseSymmetricAlgorithms() {
        assertThrows(IllegalArgumentException.class, () -> new DpopSettings(List.of(JWSAlgorithm.HS256),
                Duration.ofSeconds(60), Duration.ofSeconds(60), 8192, false, Duration.ofMinutes(5)));
    }

    /** Runs code that declares checked exceptions in an assertThrows lambda. */
    private static void sneaky(ThrowingRunnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
