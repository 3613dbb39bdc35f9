package dev.tollgate.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code application/x-www-form-urlencoded} format (WHATWG URL §5), used by query strings and form bodies. */
public final class FormUrlEncoding {

    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    private FormUrlEncoding() {
    }

    /**
     * Parses {@code a=1&b=2&a=3} into its pairs, in order, repeated names kept.
     * A pair without {@code =} has an empty value; empty pairs are skipped.
     *
     * @throws IllegalArgumentException if an escape is malformed
     */
    public static List<Map.Entry<String, String>> parse(String encoded) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return pairs;
        }
        for (String pair : encoded.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(Map.entry(PercentEncoding.decode(name, true), PercentEncoding.decode(value, true)));
        }
        return pairs;
    }

    /** Serialises pairs as {@code name=value&...}, percent-encoding names and values (RFC 3986 unreserved kept). */
    public static String format(Iterable<? extends Map.Entry<String, String>> pairs) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> pair : pairs) {
            if (pair.getValue() == null) {
                continue;
            }
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(PercentEncoding.encode(pair.getKey())).append('=').append(PercentEncoding.encode(pair.getValue()));
        }
        return out.toString();
    }

    /** Serialises a map in its iteration order; {@code null} values are left out. */
    public static String format(Map<String, String> pairs) {
        return format(pairs.entrySet());
    }
}
