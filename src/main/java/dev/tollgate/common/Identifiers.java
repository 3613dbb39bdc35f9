package dev.tollgate.common;

/** Checks identifiers a client sends (client ids, tokens, keys) before any lookup uses them. */
public final class Identifiers {

    private Identifiers() {
    }

    /**
     * Whether a value has no control character (U+0000 to U+001F, U+007F to U+009F): none belongs in an
     * identifier, and a NUL makes some databases fail the query.
     */
    public static boolean hasNoControlCharacter(String value) {
        return value == null || value.chars().noneMatch(Character::isISOControl);
    }
}
