package dev.tollgate.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void randomTokensAreUrlSafeAndDistinct() {
        String a = Secrets.randomToken(32);
        assertEquals(43, a.length());
        assertTrue(a.matches("[A-Za-z0-9_-]+"));
        assertNotEquals(a, Secrets.randomToken(32));
    }

    @Test
    void comparesExactly() {
        assertTrue(Secrets.constantTimeEquals("s3cret", "s3cret"));
        assertFalse(Secrets.constantTimeEquals("s3cret", "s3creT"));
        assertFalse(Secrets.constantTimeEquals("s3cret", "s3cret "));
        assertFalse(Secrets.constantTimeEquals(null, "x"));
    }

    @Test
    void sha256IsTheKnownDigest() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1, base64url
        assertEquals("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0", Secrets.sha256("abc"));
    }
}
