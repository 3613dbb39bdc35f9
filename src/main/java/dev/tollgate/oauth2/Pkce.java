package dev.tollgate.oauth2;

import dev.tollgate.common.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** Proof Key for Code Exchange (RFC 7636). */
public final class Pkce {

    public static final String S256 = "S256";
    public static final String PLAIN = "plain";

    // RFC 7636 §4.1 and §4.2: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~"
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    private Pkce() {
    }

    /** Whether a code verifier or challenge has the RFC 7636 syntax. */
    public static boolean isWellFormed(String value) {
        return value != null && VALUE.matcher(value).matches();
    }

    /** {@code BASE64URL(SHA256(ASCII(code_verifier)))} (RFC 7636 §4.2). */
    public static String s256(String verifier) {
        byte[] digest = Secrets.sha256Bytes(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** Whether a verifier matches a stored challenge, compared in constant time (RFC 7636 §4.6). */
    public static boolean verify(String verifier, String challenge, String method) {
        String computed = S256.equals(method) ? s256(verifier) : verifier;
        return Secrets.constantTimeEquals(challenge, computed);
    }
}
