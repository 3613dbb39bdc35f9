package dev.tollgate.jakarta.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TollgateConfigTest {

    private static TollgateConfig of(Map<String, String> values) {
        return TollgateConfig.of(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void valuesAreTrimmedAndBlankMeansUnset() {
        TollgateConfig config = of(Map.of("a", "  x ", "b", "   "));
        assertEquals(Optional.of("x"), config.value("a"));
        assertEquals(Optional.empty(), config.value("b"));
        assertEquals(Optional.empty(), config.value("c"));
    }

    @Test
    void durationsInSecondsOrIso8601() {
        TollgateConfig config = of(Map.of("s", "900", "iso", "pt15m", "bad", "15 minutes"));
        assertEquals(Optional.of(Duration.ofMinutes(15)), config.duration("s"));
        assertEquals(Optional.of(Duration.ofMinutes(15)), config.duration("iso"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> config.duration("bad"));
        assertEquals("The setting bad is \"15 minutes\", not a duration: write seconds (3600) or ISO-8601 (PT1H)",
                e.getMessage());
    }

    @Test
    void flags() {
        TollgateConfig config = of(Map.of("on", "TRUE", "off", "false", "bad", "maybe"));
        assertTrue(config.flag("on", false));
        assertFalse(config.flag("off", true));
        assertTrue(config.flag("unset", true));
        assertThrows(IllegalStateException.class, () -> config.flag("bad", true));
    }

    @Test
    void withoutMicroProfileSystemPropertiesAreRead() {
        System.setProperty("tollgate.test-only", "yes");
        try {
            assertEquals(Optional.of("yes"), TollgateConfig.systemOrEnvironment("tollgate.test-only"));
            assertEquals(Optional.of("yes"), TollgateConfig.get().value("tollgate.test-only"));
        } finally {
            System.clearProperty("tollgate.test-only");
        }
    }
}
