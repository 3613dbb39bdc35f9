package dev.tollgate.oauth1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sign-and-verify round trips, and what each method refuses. */
class SignatureMethodsTest {

    private static final String BASE = "GET&https%3A%2F%2Fexample.com%2F&a%3Db";
    private static final OAuth1Client SHARED = TestClient.withSecret("c", "client secret");
    private static final OAuth1Client NO_SECRET = TestClient.withSecret("c", null);

    @ParameterizedTest
    @ValueSource(strings = {"HMAC-SHA1", "HMAC-SHA256"})
    void hmacRoundTrip(String name) {
        HmacSignatureMethod hmac = (HmacSignatureMethod) SignatureMethods.standard().find(name).orElseThrow();
        String signature = hmac.sign(BASE, "client secret", "token secret");
        assertTrue(hmac.verify(BASE, signature, SHARED, "token secret"));
        assertFalse(hmac.verify(BASE, signature, TestClient.withSecret("c", "wrong"), "token secret"));
        assertFalse(hmac.verify(BASE, signature, SHARED, "wrong"));
        assertFalse(hmac.verify(BASE, signature, SHARED, null));
        assertFalse(hmac.verify(BASE + "x", signature, SHARED, "token secret"));
        assertFalse(hmac.verify(BASE, "not base64!", SHARED, "token secret"));
        assertFalse(hmac.verify(BASE, null, SHARED, "token secret"));
    }

    @Test
    void hmacSha256DiffersFromSha1() {
        String sha1 = HmacSignatureMethod.HMAC_SHA1.sign(BASE, "cs", "ts");
        String sha256 = HmacSignatureMethod.HMAC_SHA256.sign(BASE, "cs", "ts");
        assertEquals(20, Base64.getDecoder().decode(sha1).length);
        assertEquals(32, Base64.getDecoder().decode(sha256).length);
        assertFalse(HmacSignatureMethod.HMAC_SHA256.verify(BASE, sha1, TestClient.withSecret("c", "cs"), "ts"));
    }

    @Test
    void sharedSecretMethodsRefuseAClientWithoutSecret() {
        assertFalse(HmacSignatureMethod.HMAC_SHA1.verify(BASE, HmacSignatureMethod.HMAC_SHA1.sign(BASE, null, null),
                NO_SECRET, null));
        assertFalse(PlaintextSignatureMethod.PLAINTEXT.verify(BASE, "&", NO_SECRET, null));
        assertFalse(PlaintextSignatureMethod.PLAINTEXT.verify(BASE, "&", TestClient.withSecret("c", ""), null));
    }

    @Test
    void plaintextRoundTrip() {
        String signature = PlaintextSignatureMethod.PLAINTEXT.sign("client secret", "token secret");
        assertEquals("client%20secret&token%20secret", signature);
        assertTrue(PlaintextSignatureMethod.PLAINTEXT.verify(BASE, signature, SHARED, "token secret"));
        assertFalse(PlaintextSignatureMethod.PLAINTEXT.verify(BASE, signature, SHARED, "other"));
        assertFalse(PlaintextSignatureMethod.PLAINTEXT.verify(BASE, signature, TestClient.withSecret("c", "x"),
                "token secret"));
        assertFalse(PlaintextSignatureMethod.PLAINTEXT.verify(BASE, null, SHARED, "token secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA-SHA1", "RSA-SHA256"})
    void rsaRoundTrip(String name) throws GeneralSecurityException {
        RsaSignatureMethod rsa = (RsaSignatureMethod) SignatureMethods.standard().find(name).orElseThrow();
        PrivateKey privateKey = RsaKeys.privateKey(Vectors.RSA_2048_PRIVATE_KEY);
        OAuth1Client client = new TestClient("c", null, Vectors.RSA_2048_PUBLIC_KEY, null, List.of());
        String signature = rsa.sign(BASE, privateKey);
        assertTrue(rsa.verify(BASE, signature, client, null));
        assertFalse(rsa.verify(BASE + "x", signature, client, null));
        assertFalse(rsa.verify(BASE, signature, new TestClient("c", null, otherPublicKeyPem(), null, List.of()), null));
        assertFalse(rsa.verify(BASE, signature, new TestClient("c", "secret", null, null, List.of()), null));
        assertFalse(rsa.verify(BASE, signature, new TestClient("c", null, "garbage", null, List.of()), null));
        assertFalse(rsa.verify(BASE, "%%%", client, null));
    }

    @Test
    void rsaKeysUnder2048BitsAreRefused() throws GeneralSecurityException {
        String signature = RsaSignatureMethod.RSA_SHA1.sign(BASE, RsaKeys.privateKey(Vectors.RSA_PRIVATE_KEY));
        OAuth1Client small = new TestClient("c", null, Vectors.RSA_PUBLIC_KEY, null, List.of()); // 1024 bits
        assertFalse(RsaSignatureMethod.RSA_SHA1.verify(BASE, signature, small, null));
        assertTrue(RsaSignatureMethod.RSA_SHA1.withMinimumKeySize(1024).verify(BASE, signature, small, null));
        assertThrows(GeneralSecurityException.class, () -> RsaKeys.registrablePublicKey(Vectors.RSA_PUBLIC_KEY));
        assertEquals(2048, RsaKeys.bits(RsaKeys.registrablePublicKey(Vectors.RSA_2048_PUBLIC_KEY)));
    }

    @Test
    void rsaKeysReadPemAndBareBase64() throws GeneralSecurityException {
        String bare = Vectors.RSA_PUBLIC_KEY.replaceAll("-----[A-Z ]+-----", "").strip();
        assertEquals(RsaKeys.publicKey(Vectors.RSA_PUBLIC_KEY), RsaKeys.publicKey(bare));
        assertThrows(GeneralSecurityException.class, () -> RsaKeys.publicKey("-----BEGIN PUBLIC KEY-----\n!!\n"));
    }

    @Test
    void registryFindsByNameAndReplaces() {
        SignatureMethods standard = SignatureMethods.standard();
        for (String name : List.of("HMAC-SHA1", "RSA-SHA1", "PLAINTEXT", "HMAC-SHA256", "RSA-SHA256")) {
            assertEquals(name, standard.find(name).orElseThrow().name());
        }
        assertTrue(standard.find("hmac-sha1").isEmpty());
        SignatureMethod custom = new SignatureMethod() {
            @Override
            public String name() {
                return "HMAC-SHA1";
            }

            @Override
            public boolean verify(String baseString, String signature, OAuth1Client client, String tokenSecret) {
                return true;
            }
        };
        assertSame(custom, standard.with(custom).find("HMAC-SHA1").orElseThrow());
        assertSame(HmacSignatureMethod.HMAC_SHA1, standard.find("HMAC-SHA1").orElseThrow());
    }

    private static String otherPublicKeyPem() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }
}
