package dev.tollgate.oauth1;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC signatures over the base string, keyed by the client and token secrets (RFC 5849 §3.4.2). */
public final class HmacSignatureMethod implements SignatureMethod {

    /** HMAC-SHA1, RFC 5849 §3.4.2. */
    public static final HmacSignatureMethod HMAC_SHA1 = new HmacSignatureMethod("HMAC-SHA1", "HmacSHA1");
    /** HMAC-SHA256, the same construction with SHA-256 (not in RFC 5849; widely deployed). */
    public static final HmacSignatureMethod HMAC_SHA256 = new HmacSignatureMethod("HMAC-SHA256", "HmacSHA256");

    private final String name;
    private final String algorithm;

    private HmacSignatureMethod(String name, String algorithm) {
        this.name = name;
        this.algorithm = algorithm;
    }

    @Override
    public String name() {
        return name;
    }

    /** The base64 signature of a base string; a {@code null} secret counts as empty. */
    public String sign(String baseString, String clientSecret, String tokenSecret) {
        return Base64.getEncoder().encodeToString(mac(baseString, SharedSecretKey.of(clientSecret, tokenSecret)));
    }

    @Override
    public boolean verify(String baseString, String signature, OAuth1Client client, String tokenSecret) {
        if (signature == null || !SharedSecretKey.hasSecret(client)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = mac(baseString, SharedSecretKey.of(client.getClientSecret(), tokenSecret));
        return MessageDigest.isEqual(expected, given);
    }

    private byte[] mac(String baseString, String key) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }
}
