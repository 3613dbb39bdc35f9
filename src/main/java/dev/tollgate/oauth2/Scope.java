package dev.tollgate.oauth2;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** Scope values: space-delimited lists of scope tokens (RFC 6749 §3.3), handled as sorted sets. */
public final class Scope {

    private Scope() {
    }

    /**
     * Splits a scope string into its tokens; {@code null} or blank is the empty set.
     *
     * @throws OAuth2Error {@code invalid_scope} if a token has a character outside
     *                     {@code %x21 / %x23-5B / %x5D-7E} (RFC 6749 §3.3)
     */
    public static Set<String> parse(String scope) {
        Set<String> tokens = new TreeSet<>();
        if (scope == null) {
            return Collections.unmodifiableSet(tokens);
        }
        for (String token : scope.split(" ")) {
            if (token.isEmpty()) {
                continue;
            }
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
                    throw OAuth2Error.invalidScope("Malformed scope.");
                }
            }
            tokens.add(token);
        }
        return Collections.unmodifiableSet(tokens);
    }

    /** Joins scope tokens with single spaces, sorted; the empty set gives {@code ""}. */
    public static String format(Collection<String> scope) {
        return String.join(" ", new TreeSet<>(scope));
    }
}
