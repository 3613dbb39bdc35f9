package dev.tollgate.oauth2;

/**
 * Settings of the {@link CodeChallenge} extension (RFC 7636). PKCE is always required of public clients.
 *
 * @param requiredForAllClients require PKCE of confidential clients too (RFC 9700 §2.1.1 recommends it)
 * @param plainAllowed          accept {@code code_challenge_method=plain} (RFC 7636 §4.2)
 */
public record PkceSettings(boolean requiredForAllClients, boolean plainAllowed) {

    /** Required of public clients, {@code S256} only. */
    public static final PkceSettings DEFAULT = new PkceSettings(false, false);
}
