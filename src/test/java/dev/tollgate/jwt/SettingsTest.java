package dev.tollgate.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings records refuse what would weaken the checks. */
class SettingsTest {

    @Test
    void assertionSettingsDefaults() {
        AssertionSettings settings = AssertionSettings.DEFAULT;
        assertEquals(Duration.ofSeconds(60), settings.clockSkew());
        assertEquals(Duration.ofMinutes(5), settings.maxLifetime());
        assertEquals(8192, settings.maxLength());
        assertEquals(List.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256),
                settings.signatureAlgorithms());
        assertEquals(List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512), settings.macAlgorithms());
        assertEquals(Duration.ofMinutes(7), settings.replayLifetime());
        assertEquals(Duration.ofSeconds(30), settings.withClockSkew(Duration.ofSeconds(30)).clockSkew());
    }

    @Test
    void noAlgorithmOutsideItsFamily() {
        AssertionSettings settings = AssertionSettings.DEFAULT;
        assertThrows(IllegalArgumentException.class,
                () -> settings.withSignatureAlgorithms(List.of(JWSAlgorithm.RS256, JWSAlgorithm.HS256)));
        assertThrows(IllegalArgumentException.class,
                () -> settings.withSignatureAlgorithms(List.of(JWSAlgorithm.parse("none"))));
        assertThrows(IllegalArgumentException.class, () -> settings.withMacAlgorithms(List.of(JWSAlgorithm.RS256)));
        assertThrows(IllegalArgumentException.class, () -> settings.withMacAlgorithms(List.of()));
        assertThrows(IllegalArgumentException.class, () -> settings.withMaxLifetime(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> settings.withClockSkew(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> settings.withMaxLength(0));
    }

    @Test
    void jwksUriSettingsDefaults() {
        JwksUriSettings settings = JwksUriSettings.DEFAULT;
        assertEquals(Duration.ofSeconds(2), settings.connectTimeout());
        assertEquals(Duration.ofSeconds(2), settings.readTimeout());
        assertEquals(64 * 1024, settings.maxSize());
        assertEquals(Duration.ofMinutes(5), settings.cacheLifetime());
        assertEquals(Duration.ofSeconds(10), settings.refreshInterval());
        assertEquals(false, settings.httpAllowed());
        assertEquals(false, settings.privateAddressesAllowed());
        assertThrows(IllegalArgumentException.class, () -> settings.withReadTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> settings.withMaxSize(0));
    }
}
