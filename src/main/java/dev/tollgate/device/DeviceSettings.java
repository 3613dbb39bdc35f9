package dev.tollgate.device;

import java.time.Duration;
import java.util.Objects;

/**
 * The device authorization grant's settings (RFC 8628), each validated.
 *
 * @param lifetime               how long a device code and its user code live ({@code expires_in}, §3.2)
 * @param interval               the least time between two polls of the token endpoint ({@code interval}, §3.2)
 * @param userCodeLength         characters of a user code, without the hyphen; 8 of the 20-letter alphabet give
 *                               34.5 bits (§6.1)
 * @param verificationPath       the application's verification page, appended to the issuer
 *                               ({@code verification_uri}, §3.2)
 * @param maxFailuresPerSession  wrong user codes one session may enter before it is refused (§5.1)
 * @param maxFailuresPerAddress  wrong user codes one network address may enter before it is refused (§5.1)
 * @param failureMemory          how long wrong user codes are counted
 */
public record DeviceSettings(Duration lifetime, Duration interval, int userCodeLength, String verificationPath,
                             int maxFailuresPerSession, int maxFailuresPerAddress, Duration failureMemory) {

    /** 10 minutes, 5 seconds, 8 characters at {@code /device}; 5 wrong codes a session, 30 an address in 15 minutes. */
    public static final DeviceSettings DEFAULT = new DeviceSettings(Duration.ofMinutes(10), Duration.ofSeconds(5), 8,
            "/device", 5, 30, Duration.ofMinutes(15));

    /** The shortest and longest user codes: fewer than 6 characters are too easily guessed (§6.1). */
    public static final int MIN_USER_CODE_LENGTH = 6;
    public static final int MAX_USER_CODE_LENGTH = 12;

    public DeviceSettings {
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(verificationPath, "verificationPath");
        Objects.requireNonNull(failureMemory, "failureMemory");
        if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("The interval is whole seconds, at least one: " + interval);
        }
        if (lifetime.compareTo(interval) <= 0 || lifetime.compareTo(Duration.ofHours(1)) > 0
                || lifetime.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("The lifetime is whole seconds, longer than the interval and at most"
                    + " an hour: " + lifetime);
        }
        if (userCodeLength < MIN_USER_CODE_LENGTH || userCodeLength > MAX_USER_CODE_LENGTH) {
            throw new IllegalArgumentException("A user code has " + MIN_USER_CODE_LENGTH + " to "
                    + MAX_USER_CODE_LENGTH + " characters: " + userCodeLength);
        }
        if (!verificationPath.startsWith("/") || verificationPath.contains("?") || verificationPath.contains("#")) {
            throw new IllegalArgumentException("The verification path is a path: " + verificationPath);
        }
        if (maxFailuresPerSession < 1 || maxFailuresPerAddress < maxFailuresPerSession) {
            throw new IllegalArgumentException("At least one failure a session, and as many an address");
        }
        if (failureMemory.isNegative() || failureMemory.isZero()) {
            throw new IllegalArgumentException("Failures are remembered for a while: " + failureMemory);
        }
    }

    /** These settings with another lifetime, e.g. a short one for a test. */
    public DeviceSettings withLifetime(Duration newLifetime) {
        return new DeviceSettings(newLifetime, interval, userCodeLength, verificationPath, maxFailuresPerSession,
                maxFailuresPerAddress, failureMemory);
    }
}
