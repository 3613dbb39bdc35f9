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
 * AES-256-GCM whose protected header names the key's {@code kid}: a changed value, or one moved to another row,
 * does not open. Without a deployment key ({@link #NONE}) keys are stored as plain JWK JSON: anyone who reads the
 * table can sign tokens. A sealed key cannot be opened without the deployment key, and with one a plain key is
 * refused (someone who can write the table could plant it), so that either mistake fails loudly rather than
 * signing with a key nobody chose.
 */
public final class KeyEncryption {

    /** No deployment key: keys are stored in the clear. */
    public static final KeyEncryption NONE = new KeyEncryption(null);

    private static final String PLAIN = "plain:";

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
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                    .keyID(privateKey.getKeyID()).build(), new Payload(privateKey.toJSONObject()));
            jwe.encrypt(new DirectEncrypter(key));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot seal a signing key", e);
        }
    }

    /**
     * The private key of the stored row {@code kid}.
     *
     * @throws IllegalStateException if it was sealed and there is no deployment key or another one; if it is
     *                               plain while a deployment key is set; if it was sealed for another row, or is
     *                               damaged
     */
    public JWK open(String kid, String sealed) {
        try {
            if (sealed.startsWith("{")) {
                if (key != null) {
                    throw new IllegalStateException("The signing key " + kid + " is stored in the clear while a key "
                            + "encryption key is set: delete the rows of TOLLGATE_SIGNING_KEY to have new, sealed keys "
                            + "made (relying parties then fetch the new JWK Set).");
                }
                return JWK.parse(sealed);
            }
            if (key == null) {
                throw new IllegalStateException("The signing keys are encrypted, and no key encryption key is set: "
                        + "set the one they were sealed with (TOLLGATE_KEY_ENCRYPTION_KEY).");
            }
            JWEObject jwe = JWEObject.parse(sealed);
            if (!kid.equals(jwe.getHeader().getKeyID())) {
                throw new IllegalStateException("The stored signing key " + kid + " was sealed for another row.");
            }
            jwe.decrypt(new DirectDecrypter(key));
            JWK opened = JWK.parse(jwe.getPayload().toJSONObject());
            if (!kid.equals(opened.getKeyID())) {
                throw new IllegalStateException("The stored signing key " + kid + " holds another key.");
            }
            return opened;
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("The stored signing key " + kid + " cannot be opened: damaged, or sealed "
                    + "with another key encryption key.", e);
        }
    }

    /**
     * A client secret as it is stored, for {@code client_secret_jwt}, which needs the secret itself (RFC 7523
     * §2.2): sealed for the client id like a key, or {@code plain:} and the secret without a deployment key.
     */
    public String sealSecret(String clientId, String secret) {
        if (key == null) {
            return PLAIN + secret;
        }
        try {
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                    .keyID(clientId).build(), new Payload(secret));
            jwe.encrypt(new DirectEncrypter(key));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot seal a client secret", e);
        }
    }

    /**
     * The client secret of a client from what was stored.
     *
     * @throws IllegalStateException as {@link #open} does
     */
    public String openSecret(String clientId, String sealed) {
        if (sealed.startsWith(PLAIN)) {
            if (key != null) {
                throw new IllegalStateException("The secret of the client " + clientId + " is stored in the clear "
                        + "while a key encryption key is set: register its secret again.");
            }
            return sealed.substring(PLAIN.length());
        }
        if (key == null) {
            throw new IllegalStateException("Client secrets are encrypted, and no key encryption key is set: set "
                    + "the one they were sealed with (TOLLGATE_KEY_ENCRYPTION_KEY).");
        }
        try {
            JWEObject jwe = JWEObject.parse(sealed);
            if (!clientId.equals(jwe.getHeader().getKeyID())) {
                throw new IllegalStateException("The secret of the client " + clientId + " was sealed for another.");
            }
            jwe.decrypt(new DirectDecrypter(key));
            return jwe.getPayload().toString();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("The secret of the client " + clientId + " cannot be opened: damaged, "
                    + "or sealed with another key encryption key.", e);
        }
    }

    @Override
    public String toString() {
        return "KeyEncryption[" + (key == null ? "none" : "A256GCM") + "]";
    }
}
