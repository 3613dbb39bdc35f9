package dev.tollgate.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.CodeHash;
import dev.tollgate.common.Secrets;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The algorithms, their keys and the half hash of {@code at_hash} and {@code c_hash}. */
class SigningAlgorithmsTest {

    private static final List<String> TOKENS = List.of(
            "jHkWEdUXMU1BwAsC4vtUsZwnNIxCJIk2Ijc",
            "Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk", // the code of Core Appendix A's example
            "a", "", "SlAV32hkKG", "2YotnFZFEjr1zCsicMWpAA",
            Secrets.randomToken(32), Secrets.randomToken(16), Secrets.randomToken(64));

    // Core §3.1.3.6, §3.2.2.9: the left-most half of the hash of the ASCII octets, base64url
    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "PS256"})
    void atHashIsTheHalfHashNimbusComputes(String name) {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
        for (String token : TOKENS) {
            assertEquals(AccessTokenHash.compute(new BearerAccessToken(token.isEmpty() ? "x" : token), algorithm,
                            null).getValue(),
                    SigningAlgorithms.halfHash(algorithm, token.isEmpty() ? "x" : token), token);
        }
    }

    // Core §3.3.2.11
    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "PS256"})
    void cHashIsTheHalfHashNimbusComputes(String name) {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
        for (String code : TOKENS.subList(1, TOKENS.size())) {
            if (!code.isEmpty()) {
                assertEquals(CodeHash.compute(new AuthorizationCode(code), algorithm, null).getValue(),
                        SigningAlgorithms.halfHash(algorithm, code), code);
            }
        }
    }

    @Test
    void cHashOfTheCoreSpecificationsExample() {
        // Core Appendix A, the code id_token example: code Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk, c_hash LDktKdoQak3Pk0cnXxCltA
        assertEquals("LDktKdoQak3Pk0cnXxCltA", SigningAlgorithms.halfHash(JWSAlgorithm.RS256,
                "Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk"));
    }

    @Test
    void theHashFollowsTheAlgorithmsSize() {
        assertEquals(22, SigningAlgorithms.halfHash(JWSAlgorithm.RS256, "t").length(), "16 octets");
        assertEquals(32, SigningAlgorithms.halfHash(JWSAlgorithm.RS384, "t").length(), "24 octets");
        assertEquals(43, SigningAlgorithms.halfHash(JWSAlgorithm.ES512, "t").length(), "32 octets");
        assertEquals(AccessTokenHash.compute(new BearerAccessToken("t"), JWSAlgorithm.PS512, null).getValue(),
                SigningAlgorithms.halfHash(JWSAlgorithm.PS512, "t"));
        assertNotEquals(SigningAlgorithms.halfHash(JWSAlgorithm.RS256, "t"),
                SigningAlgorithms.halfHash(JWSAlgorithm.RS256, "u"));
    }

    @Test
    void anAlgorithmWithoutAHashIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SigningAlgorithms.halfHash(JWSAlgorithm.EdDSA, "t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "PS256"})
    void aGeneratedKeyHasItsKidAlgAndUse(String name) {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
        Date issued = new Date(1_700_000_000_000L);
        JWK key = SigningAlgorithms.generate(algorithm, "kid-" + name, issued);
        assertEquals("kid-" + name, key.getKeyID());
        assertEquals(algorithm, key.getAlgorithm());
        assertEquals(KeyUse.SIGNATURE, key.getKeyUse());
        assertEquals(issued, key.getIssueTime());
        assertTrue(key.isPrivate());
        if (algorithm.equals(JWSAlgorithm.ES256)) {
            assertEquals(Curve.P_256, ((ECKey) key).getCurve());
        } else {
            assertEquals(2048, ((RSAKey) key).size(), "RFC 7518 §3.3: 2048 bits or more");
        }
    }

    @Test
    void onlyTheSupportedAlgorithmsAreGenerated() {
        assertEquals(java.util.Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256),
                SigningAlgorithms.SUPPORTED);
        for (JWSAlgorithm algorithm : List.of(JWSAlgorithm.HS256, JWSAlgorithm.ES384, JWSAlgorithm.EdDSA)) {
            assertThrows(IllegalArgumentException.class, () -> SigningAlgorithms.generate(algorithm, "k", new Date()),
                    algorithm.getName());
        }
    }

    @Test
    void keySettingsRefuseWhatCannotBeSignedWith() {
        assertThrows(IllegalArgumentException.class, () -> KeySettings.DEFAULT.withAlgorithms(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> KeySettings.DEFAULT.withAlgorithms(List.of(JWSAlgorithm.HS256)));
        assertThrows(IllegalArgumentException.class,
                () -> KeySettings.DEFAULT.withActivationDelay(java.time.Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> KeySettings.DEFAULT.withRetention(java.time.Duration.ofSeconds(-1)));
        assertEquals(JWSAlgorithm.RS256, KeySettings.DEFAULT.defaultAlgorithm(), "Registration §2: RS256");
    }
}
