package dev.tollgate.oidc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Private keys sealed at rest with the deployment's key (a JWE, dir + A256GCM). */
class KeyEncryptionTest {

    /** Bytes 0 to 31, base64url. */
    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
    /** Bytes 31 to 0. */
    static final String OTHER_KEY = "Hx4dHBsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA";

    private static final RSAKey RSA = (RSAKey) SigningAlgorithms.generate(JWSAlgorithm.RS256, "k1", new Date());

    @Test
    void aSealedKeyIsAJweThatHoldsNoPrivatePart() throws ParseException {
        String sealed = KeyEncryption.withKey(KEY).seal(RSA);
        assertEquals(5, sealed.split("\\.", -1).length, "compact JWE serialization");
        JWEObject jwe = JWEObject.parse(sealed);
        assertEquals(JWEAlgorithm.DIR, jwe.getHeader().getAlgorithm());
        assertEquals(EncryptionMethod.A256GCM, jwe.getHeader().getEncryptionMethod());
        assertFalse(sealed.contains(RSA.getPrivateExponent().toString()));
        assertFalse(sealed.contains(RSA.getModulus().toString()), "not even the public part in the clear");
        assertFalse(sealed.contains("\"d\""));
    }

    @Test
    void openReturnsTheSealedKey() {
        KeyEncryption encryption = KeyEncryption.withKey(KEY);
        JWK opened = encryption.open("k1", encryption.seal(RSA));
        assertEquals(RSA.toJSONObject(), opened.toJSONObject());
        assertTrue(opened.isPrivate());
        ECKey ec = (ECKey) SigningAlgorithms.generate(JWSAlgorithm.ES256, "k2", new Date());
        assertEquals(ec.toJSONObject(), encryption.open("k2", encryption.seal(ec)).toJSONObject());
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        KeyEncryption encryption = KeyEncryption.withKey(KEY);
        assertFalse(encryption.seal(RSA).equals(encryption.seal(RSA)), "a fresh IV each time");
    }

    @Test
    void withoutADeploymentKeyKeysAreStoredAsJwkJson() {
        String stored = KeyEncryption.NONE.seal(RSA);
        assertTrue(stored.startsWith("{"));
        assertTrue(stored.contains("\"d\""));
        assertEquals(RSA.toJSONObject(), KeyEncryption.NONE.open("k1", stored).toJSONObject());
        assertFalse(KeyEncryption.NONE.isEnabled());
        assertTrue(KeyEncryption.withKey(KEY).isEnabled());
    }

    @Test
    void aSealedKeyCannotBeOpenedWithoutTheDeploymentKey() {
        String sealed = KeyEncryption.withKey(KEY).seal(RSA);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyEncryption.NONE.open("k1", sealed));
        assertTrue(e.getMessage().contains("TOLLGATE_KEY_ENCRYPTION_KEY"), e.getMessage());
    }

    @Test
    void aSealedKeyCannotBeOpenedWithAnotherDeploymentKey() {
        String sealed = KeyEncryption.withKey(KEY).seal(RSA);
        assertThrows(IllegalStateException.class, () -> KeyEncryption.withKey(OTHER_KEY).open("k1", sealed));
    }

    @Test
    void aDamagedSealedKeyCannotBeOpened() {
        String sealed = KeyEncryption.withKey(KEY).seal(RSA);
        String[] parts = sealed.split("\\.");
        char last = parts[3].charAt(5);
        parts[3] = parts[3].substring(0, 5) + (last == 'A' ? 'B' : 'A') + parts[3].substring(6);
        String damaged = String.join(".", parts);
        assertThrows(IllegalStateException.class, () -> KeyEncryption.withKey(KEY).open("k1", damaged));
        assertThrows(IllegalStateException.class, () -> KeyEncryption.withKey(KEY).open("k1", "not.a.jwe.at.all"));
        assertThrows(IllegalStateException.class, () -> KeyEncryption.withKey(KEY).open("k1", "{not json"));
    }

    @Test
    void withADeploymentKeyAPlainKeyPutInTheTableIsRefused() {
        // a row changed to a plain JWK of someone else's choosing would otherwise be published and trusted
        String planted = KeyEncryption.NONE.seal(SigningAlgorithms.generate(JWSAlgorithm.RS256, "planted",
                new Date()));
        assertThrows(IllegalStateException.class, () -> KeyEncryption.withKey(KEY).open("planted", planted));
    }

    @Test
    void aSealedKeyMovedToAnotherRowIsRefused() {
        String sealed = KeyEncryption.withKey(KEY).seal(RSA);
        assertEquals("k1", assertDoesNotThrow(() -> JWEObject.parse(sealed)).getHeader().getKeyID(), "kid is authenticated");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KeyEncryption.withKey(KEY).open("k2", sealed));
        assertTrue(e.getMessage().contains("another row"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg", // 31 bytes
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g", // 33 bytes
        "AAECAwQFBgcICQoLDA0ODw", // 16 bytes: AES-128 is not the deployment key's size
        ""})
    void withKeyRefusesAKeyThatIsNot32Bytes(String key) {
        assertThrows(IllegalArgumentException.class, () -> KeyEncryption.withKey(key));
    }

    @Test
    void withKeyIgnoresSurroundingWhitespace() {
        String sealed = KeyEncryption.withKey(KEY).seal(RSA);
        assertEquals(RSA.toJSONObject(), KeyEncryption.withKey(" " + KEY + "\n").open("k1", sealed).toJSONObject());
    }

    @Test
    void toStringNeverShowsTheKey() {
        String text = KeyEncryption.withKey(KEY).toString();
        assertFalse(text.contains(KEY));
        assertFalse(text.contains(KEY.substring(0, 8)));
        assertEquals("KeyEncryption[none]", KeyEncryption.NONE.toString());
    }
}
