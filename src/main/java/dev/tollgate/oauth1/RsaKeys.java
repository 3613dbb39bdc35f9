package dev.tollgate.oauth1;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads RSA keys from PEM text, as a client registers them for RSA-SHA1 (RFC 5849 §3.4.3). */
public final class RsaKeys {

    /** The smallest RSA key accepted by default (NIST SP 800-57 Part 1, §5.6.1: 2048 bits and up). */
    public static final int MINIMUM_BITS = 2048;

    private RsaKeys() {
    }

    /** The size of an RSA key's modulus, in bits; 0 for a key that is not RSA. */
    public static int bits(PublicKey key) {
        return key instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() : 0;
    }

    /**
     * A public key as {@link #publicKey(String)} reads it, refused below {@link #MINIMUM_BITS}: for a client
     * registering a key.
     *
     * @throws GeneralSecurityException if the text is not such a key, or the key is too small
     */
    public static PublicKey registrablePublicKey(String pem) throws GeneralSecurityException {
        PublicKey key = publicKey(pem);
        if (bits(key) < MINIMUM_BITS) {
            throw new GeneralSecurityException("An RSA key needs at least " + MINIMUM_BITS + " bits.");
        }
        return key;
    }

    /**
     * A public key from a {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) PEM block, an X.509
     * {@code CERTIFICATE} PEM block, or the bare base64 of a SubjectPublicKeyInfo.
     *
     * @throws GeneralSecurityException if the text is not such a key
     */
    public static PublicKey publicKey(String pem) throws GeneralSecurityException {
        if (pem.contains("-----BEGIN CERTIFICATE-----")) {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der(pem)))
                    .getPublicKey();
        }
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
    }

    /**
     * A private key from a PKCS#8 {@code PRIVATE KEY} PEM block or its bare base64.
     *
     * @throws GeneralSecurityException if the text is not such a key
     */
    public static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
    }

    private static byte[] der(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("Not a PEM or base64 key", e);
        }
    }
}
