package dev.tollgate.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Generating, hashing and comparing secrets. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {
    }

    /** A URL-safe random string carrying {@code bytes * 8} bits from a CSPRNG. */
    public static String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return BASE64URL.encodeToString(buffer);
    }

    /**
     * Compares two secrets in time that depends only on their lengths, never on where they differ.
     * {@code null} equals nothing.
     */
    public static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of the UTF-8 bytes, base64url without padding: how tokens and client secrets are stored. */
    public static String sha256(String value) {
        return BASE64URL.encodeToString(sha256Bytes(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 of raw bytes. */
    public static byte[] sha256Bytes(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
