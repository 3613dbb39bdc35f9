package dev.tollgate.jakarta.oauth2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BearerTokenFilterTest {

    @Test
    void readsAlternativesAndNormalisesWhitespace() {
        assertArrayEquals(new String[] {"profile", "email admin"},
                BearerTokenFilter.requiredScopes(" profile ,\n   email\n\tadmin "));
        assertArrayEquals(new String[0], BearerTokenFilter.requiredScopes(null));
        assertArrayEquals(new String[0], BearerTokenFilter.requiredScopes("  "));
    }

    @ParameterizedTest
    @ValueSource(strings = {", profile", "profile,", "a,,b", "a, ,b"})
    void refusesAnEmptyAlternativeThatWouldAdmitAnyToken(String parameter) {
        assertThrows(IllegalArgumentException.class, () -> BearerTokenFilter.requiredScopes(parameter));
    }
}
