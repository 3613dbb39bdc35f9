package dev.tollgate.oauth1;

import java.util.Objects;

/** One decoded request parameter and where it came from. */
public record Parameter(String name, String value, ParameterLocation location) {

    /** The prefix that marks protocol parameters (RFC 5849 §3.4.1.3.1). */
    public static final String PROTOCOL_PREFIX = "oauth_";

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }

    /** Whether this is an {@code oauth_*} protocol parameter. */
    public boolean isProtocolParameter() {
        return name.startsWith(PROTOCOL_PREFIX);
    }
}
