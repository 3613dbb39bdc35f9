package dev.tollgate.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The settings refuse what would break the grant. */
class DeviceSettingsTest {

    private static DeviceSettings with(Duration lifetime, Duration interval, int length, String path, int session,
                                       int address, Duration memory) {
        return new DeviceSettings(lifetime, interval, length, path, session, address, memory);
    }

    @Test
    void theDefaultsAreTheRfcsExamples() {
        assertEquals(Duration.ofMinutes(10), DeviceSettings.DEFAULT.lifetime());
        assertEquals(Duration.ofSeconds(5), DeviceSettings.DEFAULT.interval()); // §3.2: 5 s if none is given
        assertEquals(8, DeviceSettings.DEFAULT.userCodeLength());
    }

    @Test
    void refusesWhatWouldBreakTheGrant() {
        Duration tenMinutes = Duration.ofMinutes(10);
        Duration five = Duration.ofSeconds(5);
        Duration memory = Duration.ofMinutes(15);
        assertThrows(IllegalArgumentException.class, () -> with(tenMinutes, Duration.ZERO, 8, "/device", 5, 30, memory));
        assertThrows(IllegalArgumentException.class, () -> with(tenMinutes, Duration.ofMillis(5500), 8, "/device", 5, 30, memory));
        assertThrows(IllegalArgumentException.class, () -> with(five, five, 8, "/device", 5, 30, memory));
        assertThrows(IllegalArgumentException.class, () -> with(Duration.ofHours(2), five, 8, "/device", 5, 30, memory));
        assertThrows(IllegalArgumentException.class, () -> with(tenMinutes, five, 5, "/device", 5, 30, memory));
        assertThrows(IllegalArgumentException.class, () -> with(tenMinutes, five, 13, "/device", 5, 30, memory));
        assertThrows(IllegalArgumentException.class, () -> with(tenMinutes, five, 8, "device", 5, 30, memory));
        assertThrows(IllegalArgumentException.class, () -> with(tenMinutes, five, 8, "/device?x=1", 5, 30, memory));
        assertThrows(IllegalArgumentException.class, () -> with(tenMinutes, five, 8, "/device", 0, 30, memory));
        assertThrows(IllegalArgumentException.class, () -> with(tenMinutes, five, 8, "/device", 5, 4, memory));
        assertThrows(IllegalArgumentException.class, () -> with(tenMinutes, five, 8, "/device", 5, 30, Duration.ZERO));
        assertThrows(NullPointerException.class, () -> with(null, five, 8, "/device", 5, 30, memory));
    }
}
