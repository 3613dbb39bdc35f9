package dev.tollgate.oauth2;

/** The {@code WWW-Authenticate: Bearer} challenge (RFC 6750 §3). */
public final class BearerChallenge {

    private BearerChallenge() {
    }

    /**
     * {@code Bearer realm="…"}, followed by {@code error}, {@code error_description} and {@code scope}
     * when given; without an error for a request that carried no token (§3.1).
     */
    public static String of(String realm, String error, String description, String scope) {
        StringBuilder header = new StringBuilder("Bearer realm=\"").append(quote(realm)).append('"');
        if (error != null) {
            header.append(", error=\"").append(quote(error)).append('"');
        }
        if (description != null) {
            header.append(", error_description=\"").append(quote(description)).append('"');
        }
        if (scope != null) {
            header.append(", scope=\"").append(quote(scope)).append('"');
        }
        return header.toString();
    }

    // RFC 9110 §5.6.4 quoted-string
    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
