package dev.tollgate.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** User codes (RFC 8628 §6.1). */
class UserCodeTest {

    @Test
    void theAlphabetHasNoVowelsAndNoLookAlikes() {
        assertEquals(20, UserCode.ALPHABET.length());
        for (char c : "AEIOUY01lI5S2Z8B".toCharArray()) {
            if ("SZB".indexOf(c) < 0) {
                assertTrue(UserCode.ALPHABET.indexOf(c) < 0, String.valueOf(c));
            }
        }
        assertEquals(20, UserCode.ALPHABET.chars().distinct().count());
    }

    @Test
    void generatedCodesUseTheAlphabetAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = UserCode.generate(8);
            assertTrue(code.matches("[" + UserCode.ALPHABET + "]{8}"), code);
            seen.add(code);
        }
        assertEquals(1000, seen.size()); // 20^8 codes: a repeat in 1000 has odds of 1 in 50,000
    }

    @Test
    void shownInGroupsOfFour() {
        assertEquals("WDJB-MJHT", UserCode.format("WDJBMJHT"));
        assertEquals("BCDF-GHJK-LM", UserCode.format("BCDFGHJKLM"));
    }

    @Test
    void readBackInAnyCaseWithHyphensAndSpacesIgnored() {
        assertEquals("WDJBMJHT", UserCode.normalize("WDJB-MJHT"));
        assertEquals("WDJBMJHT", UserCode.normalize("wdjb-mjht"));
        assertEquals("WDJBMJHT", UserCode.normalize(" wdjb mjht "));
        assertEquals("WDJBMJHT", UserCode.normalize("W-D-J-B-M-J-H-T"));
    }

    @Test
    void whatCannotBeACodeIsNull() {
        assertNull(UserCode.normalize(null));
        assertNull(UserCode.normalize(""));
        assertNull(UserCode.normalize("WDJB"));          // too short
        assertNull(UserCode.normalize("WDJB-MJHA"));     // a vowel
        assertNull(UserCode.normalize("WDJB-MJH1"));     // a digit
        assertNull(UserCode.normalize("WDJB_MJHT"));
        assertNull(UserCode.normalize("BCDFGHJKLMNPQ")); // 13 letters
        assertNull(UserCode.normalize("-".repeat(100) + "WDJBMJHT"));
        assertNull(UserCode.normalize("ẞWDJBMJHT"));
    }
}
