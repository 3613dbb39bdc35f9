package dev.tollgate.oauth2;

/** The {@code WWW-Authenticate: Bearer} challenge (RFC 6750 §3), and those of schemes built like it (DPoP). */
public final class BearerChallenge {

    private BearerChallenge() {
    }

    /**
     * {@code Bearer realm="…"}, followed by {@code error}, {@code error_description} and {@code scope}
     * when given; without an error for a request that carried no token (§3.1).
     */
    public static String of(String realm, String error, String description, String scope) {
        return of("Bearer", realm, error, description, "scope", scope);
    }

    /**
     * A challenge of another scheme with the same parameters (e.g. DPoP, RFC 9449 §7.1), and one of its own
     * ({@code name} and {@code value}, when the value is given), such as DPoP's {@code algs}.
     */
    public static String of(String scheme, String realm, String error, String description, String name,
                            String value) {
        StringBuilder header = new StringBuilder(scheme).append(" realm=\"").append(quote(realm)).append('"');
        if (error != null) {
            header.append(", error=\"").append(quote(error)).append('"');
        }
        if (description != null) {
            header.append(", error_description=\"").append(quote(description)).append('"');
        }
        if (value != null) {
            header.append(", ").append(name).append("=\"").append(quote(value)).append('"');
        }
        return header.toString();
    }

    // RFC 9110 §5.6.4 quoted-string
    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
