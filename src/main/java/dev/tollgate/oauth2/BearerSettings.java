package dev.tollgate.oauth2;

/**
 * Settings of the {@link ResourceProtector}.
 *
 * @param tokenInBodyAllowed accept {@code access_token} in a form body (RFC 6750 §2.2); never in the query
 */
public record BearerSettings(boolean tokenInBodyAllowed) {

    /** Tokens in the {@code Authorization} header only. */
    public static final BearerSettings DEFAULT = new BearerSettings(false);
}
