package dev.tollgate.oauth2;

/**
 * Which of the grants that RFC 9700 advises against the standard server registers. Both are off by default;
 * a client must also be registered for them.
 *
 * @param implicitGrantEnabled register the implicit grant (RFC 9700 §2.1.2 advises against it)
 * @param passwordGrantEnabled register the password grant (RFC 9700 §2.4: MUST NOT be used)
 */
public record GrantSettings(boolean implicitGrantEnabled, boolean passwordGrantEnabled) {

    /** Neither implicit nor password. */
    public static final GrantSettings DEFAULT = new GrantSettings(false, false);
}
