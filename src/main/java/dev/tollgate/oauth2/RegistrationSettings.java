package dev.tollgate.oauth2;

/**
 * Settings of the {@link RegistrationEndpoint}.
 *
 * @param initialAccessToken the token required to register clients (RFC 7591 §3), or {@code null} for open
 *                           registration
 */
public record RegistrationSettings(String initialAccessToken) {

    /** Open registration. */
    public static final RegistrationSettings OPEN = new RegistrationSettings(null);

    /** Never shows the initial access token. */
    @Override
    public String toString() {
        return "RegistrationSettings[initialAccessToken=" + (initialAccessToken == null ? "none" : "***") + "]";
    }
}
