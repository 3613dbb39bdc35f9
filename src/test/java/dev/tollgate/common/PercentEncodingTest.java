package dev.tollgate.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PercentEncodingTest {

    // wiki.oauth.net TestCases, parameter encoding
    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "abcABC123|abcABC123",
        "-._~|-._~",
        "%|%25",
        "+|%2B",
        "&=*|%26%3D%2A",
        "a b|a%20b",
        "\u007F|%7F",
        "\u0080|%C2%80",
        "\u3001|%E3%80%81",
    })
    void encodesOnlyUnreservedAsIs(String raw, String encoded) {
        assertEquals(encoded, PercentEncoding.encode(raw));
        assertEquals(raw, PercentEncoding.decode(encoded));
    }

    @org.junit.jupiter.api.Test
    void encodesLineFeed() {
        assertEquals("%0A", PercentEncoding.encode("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%4", "%zz", "a%G1", "%C3%28"})
    void rejectsMalformedEscapes(String bad) {
        assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decode(bad));
    }

    @org.junit.jupiter.api.Test
    void plusIsSpaceOnlyInForms() {
        assertEquals("a+b", PercentEncoding.decode("a+b"));
        assertEquals("a b", PercentEncoding.decode("a+b", true));
    }
}
