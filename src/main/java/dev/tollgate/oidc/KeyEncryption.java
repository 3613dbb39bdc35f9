package dev.tollgate.oidc;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import java.text.ParseException;

/**
 * Seals private keys at rest with the deployment's 256-bit key, as a JWE (RFC 7516) with direct encryption and
 * AES-256-GCM, which also detects a changed or swapped value. Without a deployment key ({@link #NONE}) keys
 * are stored as plain JWK JSON: anyone who reads the table can sign tokens. A sealed key cannot be opened
 * without the deployment key, so that losing it fails loudly rather than signing with a new key unannounced.
 */
public final class KeyEncryption {

    /** No deployment key: keys are stored in the clear. */
    public static final KeyEncryption NONE = new KeyEncryption(null);

    private final byte[] key;

    private KeyEncryption(byte[] key) {
        this.key = key;
    }

    /**
     * Sealing with a deployment key given as 32 bytes, base64url-encoded (43 characters), e.g. from
     * {@code openssl rand -base64 32 | tr '+/' '-_' | tr -d '='}.
     *
     * @throws IllegalArgumentException if it is not 32 bytes of base64url
     */
    public static KeyEncryption withKey(String base64UrlKey) {
        byte[] bytes = new Base64URL(base64UrlKey.trim()).decode();
        if (bytes.length != 32) {
            throw new IllegalArgumentException("The key encryption key must be 32 bytes, base64url-encoded ("
                    + "43 characters); it is " + bytes.length + " bytes.");
        }
        return new KeyEncryption(bytes);
    }

    /** Whether keys are sealed, or stored in the clear. */
    public boolean isEnabled() {
        return key != null;
    }

    /** The private key as it is stored. */
    public String seal(JWK privateKey) {
        if (key == null) {
            return privateKey.toJSONString();
        }
        try {
            JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM),
                    new Payload(privateKey.toJSONObject()));
            jwe.encrypt(new DirectEncrypter(key));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot seal a signing key", e);
        }
    }

    /**
     * The private key from what was stored.
     *
     * @throws IllegalStateException if it was sealed and there is no deployment key or another one, or it is
     *                               damaged
     */
    public JWK open(String sealed) {
        try {
            if (sealed.startsWith("{")) {
                return JWK.parse(sealed);
            }
            if (key == null) {
                throw new IllegalStateException("The signing keys are encrypted, and no key encryption key is set: "
                        + "set the one they were sealed with (TOLLGATE_KEY_ENCRYPTION_KEY).");
            }
            JWEObject jwe = JWEObject.parse(sealed);
            jwe.decrypt(new DirectDecrypter(key));
            return JWK.parse(jwe.getPayload().toJSONObject());
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("A stored signing key cannot be opened: damaged, or sealed with "
                    + "another key encryption key.", e);
        }
    }

    @Override
    public String toString() {
        return "KeyEncryption[" + (key == null ? "none" : "A256GCM") + "]";
    }
}
