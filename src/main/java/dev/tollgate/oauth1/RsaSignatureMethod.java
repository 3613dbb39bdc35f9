package dev.tollgate.oauth1;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * RSASSA-PKCS1-v1_5 signatures over the base string (RFC 5849 §3.4.3), verified with the client's RSA public
 * key ({@link OAuth1Client#getRsaPublicKey()}, see {@link RsaKeys}).
 */
public final class RsaSignatureMethod implements SignatureMethod {

    /** RSA-SHA1, RFC 5849 §3.4.3. */
    public static final RsaSignatureMethod RSA_SHA1 = new RsaSignatureMethod("RSA-SHA1", "SHA1withRSA",
            RsaKeys.MINIMUM_BITS);
    /** RSA-SHA256, the same construction with SHA-256 (not in RFC 5849; widely deployed). */
    public static final RsaSignatureMethod RSA_SHA256 = new RsaSignatureMethod("RSA-SHA256", "SHA256withRSA",
            RsaKeys.MINIMUM_BITS);

    private final String name;
    private final String algorithm;
    private final int minimumBits;

    private RsaSignatureMethod(String name, String algorithm, int minimumBits) {
        this.name = name;
        this.algorithm = algorithm;
        this.minimumBits = minimumBits;
    }

    /**
     * This method accepting client keys down to {@code bits}: only for clients whose keys cannot be replaced
     * (or RFC 5849's 1024-bit example key); below {@link RsaKeys#MINIMUM_BITS} a key can be factored.
     */
    public RsaSignatureMethod withMinimumKeySize(int bits) {
        return new RsaSignatureMethod(name, algorithm, bits);
    }

    @Override
    public String name() {
        return name;
    }

    /** The base64 signature of a base string with the client's private key. */
    public String sign(String baseString, PrivateKey privateKey) {
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(baseString.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot sign with this key", e);
        }
    }

    @Override
    public boolean verify(String baseString, String signature, OAuth1Client client, String tokenSecret) {
        String pem = client.getRsaPublicKey();
        if (signature == null || pem == null) {
            return false;
        }
        try {
            PublicKey key = RsaKeys.publicKey(pem);
            return RsaKeys.bits(key) >= minimumBits && verify(baseString, Base64.getDecoder().decode(signature), key);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    private boolean verify(String baseString, byte[] signature, PublicKey publicKey) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(baseString.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(signature);
    }
}
