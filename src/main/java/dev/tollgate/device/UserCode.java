package dev.tollgate.device;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * User codes (RFC 8628 §6.1): upper-case consonants without look-alikes (no vowels, so no words; no I, O, U, Y),
 * shown in groups of four joined by a hyphen ({@code WDJB-MJHT}), read back case-insensitively with hyphens and
 * spaces ignored.
 */
public final class UserCode {

    /** 20 letters: each carries log2(20) = 4.32 bits. */
    public static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

    /** The longest entry read: a code with a separator after each character, and some spaces around. */
    static final int MAX_ENTRY_LENGTH = 2 * DeviceSettings.MAX_USER_CODE_LENGTH + 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private UserCode() {
    }

    /** A new random code of {@code length} characters, normalized (no hyphen). */
    static String generate(int length) {
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /**
     * What a person typed, normalized: upper case, hyphens and white space removed.
     *
     * @return the code, or {@code null} if it cannot be one (a character outside the alphabet, too long)
     */
    public static String normalize(String entered) {
        if (entered == null || entered.length() > MAX_ENTRY_LENGTH) {
            return null;
        }
        StringBuilder code = new StringBuilder(DeviceSettings.MAX_USER_CODE_LENGTH);
        for (char c : entered.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ' || c == '\t') {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0 || code.length() == DeviceSettings.MAX_USER_CODE_LENGTH) {
                return null;
            }
            code.append(c);
        }
        return code.length() < DeviceSettings.MIN_USER_CODE_LENGTH ? null : code.toString();
    }

    /** A normalized code as shown: groups of four joined by hyphens ({@code WDJB-MJHT}). */
    public static String format(String code) {
        StringBuilder shown = new StringBuilder(code.length() + code.length() / 4);
        for (int i = 0; i < code.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                shown.append('-');
            }
            shown.append(code.charAt(i));
        }
        return shown.toString();
    }
}
