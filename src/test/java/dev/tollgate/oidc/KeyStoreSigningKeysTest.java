package dev.tollgate.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.text.ParseException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing keys read from a PKCS#12 file, written here with {@link KeyStore} and a self-signed certificate built
 * by a minimal DER encoder: no keytool, no BouncyCastle.
 */
class KeyStoreSigningKeysTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final Duration MAX_AGE = Duration.ofMinutes(7);
    private static final List<JWSAlgorithm> RS_ES = List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- a self-signed certificate in DER

    private static byte[] der(int tag, byte[]... contents) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] content : contents) {
            body.writeBytes(content);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = body.size();
        if (length < 128) {
            out.write(length);
        } else {
            byte[] bytes = BigInteger.valueOf(length).toByteArray();
            int start = bytes[0] == 0 ? 1 : 0;
            out.write(0x80 | (bytes.length - start));
            out.write(bytes, start, bytes.length - start);
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] sequence(byte[]... contents) {
        return der(0x30, contents);
    }

    private static byte[] oid(int... arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(40 * arcs[0] + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int arc = arcs[i];
            byte[] groups = new byte[5];
            int n = 0;
            do {
                groups[n++] = (byte) (arc & 0x7F);
                arc >>>= 7;
            } while (arc != 0);
            for (int j = n - 1; j >= 0; j--) {
                out.write(groups[j] | (j > 0 ? 0x80 : 0));
            }
        }
        return der(0x06, out.toByteArray());
    }

    private static byte[] utcTime(ZonedDateTime time) {
        return der(0x17, time.format(DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'"))
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] name(String commonName) {
        return sequence(der(0x31, sequence(oid(2, 5, 4, 3), der(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
    }

    /** An X.509 v1 certificate of a key pair, signed by itself. */
    static X509Certificate selfSigned(KeyPair pair, String commonName) throws GeneralSecurityException {
        boolean rsa = pair.getPrivate().getAlgorithm().equals("RSA");
        byte[] algorithm = rsa ? sequence(oid(1, 2, 840, 113549, 1, 1, 11), new byte[] {0x05, 0x00})
                : sequence(oid(1, 2, 840, 10045, 4, 3, 2));
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
        byte[] tbs = sequence(der(0x02, BigInteger.valueOf(System.nanoTime()).abs().toByteArray()), algorithm,
                name(commonName), sequence(utcTime(now.minusDays(1)), utcTime(now.plusYears(1))), name(commonName),
                pair.getPublic().getEncoded());
        Signature signature = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSA");
        signature.initSign(pair.getPrivate());
        signature.update(tbs);
        byte[] signed = signature.sign();
        byte[] bitString = new byte[signed.length + 1];
        System.arraycopy(signed, 0, bitString, 1, signed.length);
        byte[] certificate = sequence(tbs, algorithm, der(0x03, bitString));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate));
    }

    static KeyPair rsaPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static KeyPair ecPair(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    /** A PKCS#12 file of private key entries by alias, plus a trusted certificate entry "ca". */
    private Path keyStore(Map<String, KeyPair> entries) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, PASSWORD);
        for (Map.Entry<String, KeyPair> entry : entries.entrySet()) {
            PrivateKey key = entry.getValue().getPrivate();
            store.setKeyEntry(entry.getKey(), key, PASSWORD,
                    new Certificate[] {selfSigned(entry.getValue(), entry.getKey())});
        }
        store.setCertificateEntry("ca", selfSigned(rsaPair(), "ca"));
        Path file = dir.resolve("keys.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }

    private static Set<String> kids(SigningKeys keys) {
        return keys.publicKeys().getKeys().stream().map(JWK::getKeyID).collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- the tests

    @Test
    void anRsaKeySignsWithRs256UnderItsAlias() throws Exception {
        KeyStoreSigningKeys keys = KeyStoreSigningKeys.load(keyStore(Map.of("rsa-2026", rsaPair())), PASSWORD,
                RS_ES, MAX_AGE);
        assertEquals(List.of(JWSAlgorithm.RS256), keys.algorithms());
        JWK signer = keys.signingKey(JWSAlgorithm.RS256);
        assertEquals("rsa-2026", signer.getKeyID());
        assertEquals(JWSAlgorithm.RS256, signer.getAlgorithm());
        assertEquals(KeyUse.SIGNATURE, signer.getKeyUse());
        assertTrue(signer.isPrivate());
        assertEquals(Set.of("rsa-2026"), kids(keys), "the trusted certificate entry is no key");
        assertEquals(MAX_AGE, keys.jwkSetMaxAge());
        assertThrows(IllegalArgumentException.class, () -> keys.signingKey(JWSAlgorithm.ES256));
    }

    @Test
    void aP256KeySignsWithEs256AndAnRsaKeyWithRs256() throws Exception {
        KeyStoreSigningKeys keys = KeyStoreSigningKeys.load(keyStore(Map.of("rsa", rsaPair(),
                "ec", ecPair("secp256r1"))), PASSWORD, RS_ES, MAX_AGE);
        assertEquals(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), Set.copyOf(keys.algorithms()));
        assertEquals("ec", keys.signingKey(JWSAlgorithm.ES256).getKeyID());
        assertEquals(JWSAlgorithm.ES256, keys.signingKey(JWSAlgorithm.ES256).getAlgorithm());
        assertEquals("rsa", keys.signingKey(JWSAlgorithm.RS256).getKeyID());
    }

    @Test
    void theDefaultAlgorithmIsTheFirstOfferedNotTheFirstAlias() throws Exception {
        // SigningKeys.algorithms(): "the default first"; Registration §2: id_token_signed_response_alg defaults
        // to RS256, which OpenIdClient takes from algorithms().get(0). The aliases sort the P-256 key first.
        KeyStoreSigningKeys keys = KeyStoreSigningKeys.load(keyStore(Map.of("a-ec", ecPair("secp256r1"),
                "b-rsa", rsaPair())), PASSWORD, RS_ES, MAX_AGE);
        assertEquals(JWSAlgorithm.RS256, keys.algorithms().get(0), "algorithms() = " + keys.algorithms());
    }

    @Test
    void theFirstAliasInAlphabeticalOrderSignsAndEveryKeyIsPublished() throws Exception {
        KeyStoreSigningKeys keys = KeyStoreSigningKeys.load(keyStore(Map.of("key-2026-02", rsaPair(),
                "key-2026-01", rsaPair())), PASSWORD, RS_ES, MAX_AGE);
        assertEquals("key-2026-01", keys.signingKey(JWSAlgorithm.RS256).getKeyID());
        assertEquals(Set.of("key-2026-01", "key-2026-02"), kids(keys));
    }

    @Test
    void anRsaKeySignsWithTheFirstRsaAlgorithmOffered() throws Exception {
        KeyStoreSigningKeys keys = KeyStoreSigningKeys.load(keyStore(Map.of("rsa", rsaPair())), PASSWORD,
                List.of(JWSAlgorithm.PS256), MAX_AGE);
        assertEquals(List.of(JWSAlgorithm.PS256), keys.algorithms());
        assertEquals(JWSAlgorithm.PS256, keys.publicKeys().getKeyByKeyId("rsa").getAlgorithm());
    }

    @Test
    void publishedKeysArePublicAndVerifyWhatTheKeysSign() throws Exception {
        KeyStoreSigningKeys keys = KeyStoreSigningKeys.load(keyStore(Map.of("rsa-1", rsaPair(), "rsa-2", rsaPair())),
                PASSWORD, RS_ES, MAX_AGE);
        assertEquals(2, keys.publicKeys().getKeys().size());
        for (JWK key : keys.publicKeys().getKeys()) {
            assertFalse(key.isPrivate(), key.getKeyID());
            assertFalse(key.toJSONObject().containsKey("d"));
            assertEquals(JWSAlgorithm.RS256, key.getAlgorithm());
            assertEquals(KeyUse.SIGNATURE, key.getKeyUse());
        }
        Jwts jwts = new Jwts(keys);
        String token = jwts.sign(JWSAlgorithm.RS256, JOSEObjectType.JWT, new JWTClaimsSet.Builder().subject("a").build());
        assertEquals("rsa-1", SignedJWT.parse(token).getHeader().getKeyID());
        assertEquals("a", jwts.verify(token).getSubject());
    }

    @Test
    void anEs256KeySignsWhatItsPublishedKeyVerifies() throws Exception {
        KeyStoreSigningKeys keys = KeyStoreSigningKeys.load(keyStore(Map.of("ec", ecPair("secp256r1"))), PASSWORD,
                RS_ES, MAX_AGE);
        assertFalse(keys.publicKeys().getKeyByKeyId("ec").isPrivate());
        Jwts jwts = new Jwts(keys);
        String token = jwts.sign(JWSAlgorithm.ES256, JOSEObjectType.JWT, new JWTClaimsSet.Builder().subject("a").build());
        assertEquals(JWSAlgorithm.ES256, SignedJWT.parse(token).getHeader().getAlgorithm());
        assertEquals("a", jwts.verify(token).getSubject());
    }

    @Test
    void aKeyOfAnotherCurveIsNotUsed() throws Exception {
        Path file = keyStore(Map.of("p384", ecPair("secp384r1")));
        assertThrows(IllegalStateException.class, () -> KeyStoreSigningKeys.load(file, PASSWORD, RS_ES, MAX_AGE),
                "no usable key");
        KeyStoreSigningKeys keys = KeyStoreSigningKeys.load(keyStore(Map.of("p384", ecPair("secp384r1"),
                "rsa", rsaPair())), PASSWORD, RS_ES, MAX_AGE);
        assertEquals(Set.of("rsa"), kids(keys));
    }

    @Test
    void anRsaKeyIsNotUsedWhenOnlyEs256IsOffered() throws Exception {
        Path file = keyStore(Map.of("rsa", rsaPair()));
        assertThrows(IllegalStateException.class,
                () -> KeyStoreSigningKeys.load(file, PASSWORD, List.of(JWSAlgorithm.ES256), MAX_AGE));
    }

    @Test
    void aWrongPasswordOrAMissingFileFailsLoudly() throws Exception {
        Path file = keyStore(Map.of("rsa", rsaPair()));
        assertThrows(IllegalStateException.class,
                () -> KeyStoreSigningKeys.load(file, "wrong".toCharArray(), RS_ES, MAX_AGE));
        assertThrows(IllegalStateException.class,
                () -> KeyStoreSigningKeys.load(dir.resolve("missing.p12"), PASSWORD, RS_ES, MAX_AGE));
    }

    @Test
    void aForeignTokenWithTheAliasAsKidDoesNotVerify() throws Exception {
        KeyStoreSigningKeys keys = KeyStoreSigningKeys.load(keyStore(Map.of("rsa", rsaPair())), PASSWORD, RS_ES,
                MAX_AGE);
        KeyStoreSigningKeys foreign = KeyStoreSigningKeys.load(keyStore(Map.of("rsa", rsaPair())), PASSWORD, RS_ES,
                MAX_AGE);
        String token = new Jwts(foreign).sign(JWSAlgorithm.RS256, JOSEObjectType.JWT,
                new JWTClaimsSet.Builder().subject("mallory").build());
        assertThrows(ParseException.class, () -> new Jwts(keys).verify(token));
    }
}
