package dev.tollgate.jakarta.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tollgate's settings from configuration, as a Jakarta EE application expects it: MicroProfile Config where the
 * server has it (so {@code META-INF/microprofile-config.properties}, system properties and environment variables
 * alike), else system properties, else environment variables. A name such as {@code tollgate.issuer} is read
 * as the environment variable {@code TOLLGATE_ISSUER} too (the MicroProfile Config rule).
 */
public final class TollgateConfig {

    private static final TollgateConfig INSTANCE = new TollgateConfig(microProfileConfig());

    private final Function<String, Optional<String>> source;

    TollgateConfig(Function<String, Optional<String>> source) {
        this.source = source;
    }

    /** The configuration of this application. */
    public static TollgateConfig get() {
        return INSTANCE;
    }

    /** A configuration read from the given source only (for tests and embedding). */
    public static TollgateConfig of(Function<String, Optional<String>> source) {
        return new TollgateConfig(source);
    }

    /** The value of a setting, trimmed, or empty when unset or blank. */
    public Optional<String> value(String name) {
        return source.apply(name).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** A duration in ISO-8601 ({@code PT1H}) or as seconds ({@code 3600}). */
    public Optional<Duration> duration(String name) {
        return value(name).map(text -> {
            try {
                return text.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(text))
                        : Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalStateException("The setting " + name + " is \"" + text
                        + "\", not a duration: write seconds (3600) or ISO-8601 (PT1H)");
            }
        });
    }

    /** A boolean setting, {@code true} or {@code false}; the default when unset. */
    public boolean flag(String name, boolean defaultValue) {
        return value(name).map(text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new IllegalStateException("The setting " + name + " is \"" + text
                    + "\": write true or false");
        }).orElse(defaultValue);
    }

    private static Function<String, Optional<String>> microProfileConfig() {
        try {
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false,
                    TollgateConfig.class.getClassLoader());
            return MicroProfileSource.source();
        } catch (ClassNotFoundException | LinkageError | IllegalStateException noMicroProfile) {
            return TollgateConfig::systemOrEnvironment;
        }
    }

    static Optional<String> systemOrEnvironment(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return Optional.ofNullable(value);
    }
}
