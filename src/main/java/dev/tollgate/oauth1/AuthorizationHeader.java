package dev.tollgate.oauth1;

import dev.tollgate.common.PercentEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses the {@code Authorization: OAuth} header (RFC 5849 §3.5.1). */
final class AuthorizationHeader {

    /** The auth-scheme, matched case-insensitively (RFC 2617 §1.2). */
    static final String SCHEME = "OAuth";

    private final String value;
    private int position;

    private AuthorizationHeader(String value) {
        this.value = value;
        this.position = SCHEME.length();
    }

    /** Whether the header value uses the {@code OAuth} scheme. */
    static boolean isOAuth(String headerValue) {
        return headerValue.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (headerValue.length() == SCHEME.length() || isWhitespace(headerValue.charAt(SCHEME.length())));
    }

    /**
     * The decoded {@code name="value"} pairs of an {@code OAuth} header value, in order.
     *
     * @throws InvalidRequestError if the syntax or a percent-escape is malformed
     */
    static List<Map.Entry<String, String>> parse(String headerValue) throws InvalidRequestError {
        return new AuthorizationHeader(headerValue).pairs();
    }

    private List<Map.Entry<String, String>> pairs() throws InvalidRequestError {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        skipWhitespace();
        while (position < value.length()) {
            String name = until('=').strip();
            if (name.isEmpty() || name.chars().anyMatch(c -> c == ',' || c == '"' || isWhitespace((char) c))) {
                throw malformed();
            }
            position++;
            expect('"');
            String quoted = until('"');
            position++;
            pairs.add(Map.entry(decode(name), decode(quoted)));
            skipWhitespace();
            if (position < value.length()) {
                expect(',');
                skipWhitespace();
            }
        }
        return pairs;
    }

    private String until(char delimiter) throws InvalidRequestError {
        int end = value.indexOf(delimiter, position);
        if (end < 0) {
            throw malformed();
        }
        String part = value.substring(position, end);
        position = end;
        return part;
    }

    private void expect(char expected) throws InvalidRequestError {
        if (position >= value.length() || value.charAt(position) != expected) {
            throw malformed();
        }
        position++;
    }

    private void skipWhitespace() {
        while (position < value.length() && isWhitespace(value.charAt(position))) {
            position++;
        }
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    private static String decode(String encoded) throws InvalidRequestError {
        // RFC 5849 §3.5.1: names and values are encoded per §3.6, so "+" is a literal plus
        try {
            return PercentEncoding.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestError("Malformed percent-encoding in the Authorization header");
        }
    }

    private static InvalidRequestError malformed() {
        return new InvalidRequestError("Malformed Authorization header");
    }
}
