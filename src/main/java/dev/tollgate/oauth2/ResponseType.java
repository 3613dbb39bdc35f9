package dev.tollgate.oauth2;

import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code response_type} value: a space-delimited set, so {@code code id_token} and {@code id_token code} are
 * the same type (RFC 6749 §3.1.1: the order of the values does not matter).
 *
 * @param values the response type values, e.g. {@code code}
 */
public record ResponseType(Set<String> values) {

    public static final ResponseType CODE = parse("code");
    public static final ResponseType TOKEN = parse("token");

    public ResponseType {
        values = Set.copyOf(values);
    }

    /**
     * Parses a {@code response_type} parameter.
     *
     * @throws OAuth2Error {@code invalid_request} if it is empty or repeats a value
     */
    public static ResponseType parse(String value) {
        String[] parts = value.trim().split(" +");
        Set<String> values = new TreeSet<>();
        for (String part : parts) {
            if (part.isEmpty() || !values.add(part)) {
                throw OAuth2Error.invalidRequest("Malformed response_type.");
            }
        }
        return new ResponseType(values);
    }

    /** Whether a client's registered {@code response_types} entry names this type. */
    public boolean matches(String registered) {
        try {
            return equals(parse(registered));
        } catch (OAuth2Error e) {
            return false;
        }
    }

    /** The values in a canonical order, space-delimited. */
    @Override
    public String toString() {
        return String.join(" ", new TreeSet<>(values));
    }
}
