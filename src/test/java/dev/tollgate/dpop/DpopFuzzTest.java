package dev.tollgate.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import dev.tollgate.oauth2.OAuth2Error;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * DPoP proofs from an attacker, fuzzed by Jazzer: a header and claims of the fuzzer's choice, sometimes validly
 * signed with the key their {@code jwk} names. The validator may refuse one only with {@code invalid_dpop_proof} or
 * {@code use_dpop_nonce} (status 400), and what it accepts names the thumbprint of that one key. {@code mvn test}
 * replays any inputs kept under {@code src/test/resources/dev/tollgate/dpop/DpopFuzzTestInputs/};
 * {@code .ci/fuzz.sh} fuzzes the target.
 */
class DpopFuzzTest {

    private static final ECKey KEY = key();
    private static final URI TOKEN = URI.create("https://as.example/oauth2/token");
    private static final DpopProofValidator VALIDATOR = new DpopProofValidator(DpopSettings.DEFAULT,
            new DpopNonces(() -> "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
                    DpopSettings.DEFAULT.nonceLifetime(), Clock.systemUTC()), (key, lifetime) -> true,
            Clock.systemUTC());
    private static final String[] HEADERS = {
        "{\"typ\":\"dpop+jwt\",\"alg\":\"ES256\",\"jwk\":" + KEY.toPublicJWK().toJSONString() + "}",
        "{\"typ\":\"dpop+jwt\",\"alg\":\"none\"}", "{\"typ\":\"dpop+jwt\",\"alg\":\"HS256\"}",
        "{\"typ\":\"JWT\",\"alg\":\"ES256\",\"jwk\":" + KEY.toPublicJWK().toJSONString() + "}"};

    private static ECKey key() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest
    void proof(FuzzedDataProvider data) throws JOSEException {
        String header = data.consumeBoolean() ? data.pickValue(HEADERS) : data.consumeString(300);
        boolean sign = data.consumeBoolean();
        boolean nonce = data.consumeBoolean();
        String claims = data.consumeRemainingAsString();
        String proof = sign ? signed(header, claims) : null;
        if (proof == null) {
            proof = Base64URL.encode(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + Base64URL.encode(claims.getBytes(StandardCharsets.UTF_8)) + ".";
        }
        try {
            String thumbprint = VALIDATOR.validate(proof, "POST", List.of(TOKEN), null, nonce);
            assertEquals(KEY.computeThumbprint().toString(), thumbprint);
        } catch (OAuth2Error refused) {
            assertTrue(Set.of(DpopProofValidator.INVALID_DPOP_PROOF, DpopProofValidator.USE_DPOP_NONCE)
                    .contains(refused.error()), refused.toString());
            assertEquals(400, refused.status());
        }
    }

    private static String signed(String header, String claims) {
        try {
            JWSObject jws = new JWSObject(JWSHeader.parse(header), new Payload(claims));
            jws.sign(new ECDSASigner(KEY));
            return jws.serialize();
        } catch (ParseException | JOSEException | IllegalArgumentException | IllegalStateException e) {
            return null; // a header Nimbus cannot sign with: sent unsigned
        }
    }
}
