package dev.tollgate.oauth2;

/**
 * Settings of the {@link RegistrationEndpoint}.
 *
 * @param initialAccessToken the token required to register clients (RFC 7591 §3), or {@code null} for open
 *                           registration
 * @param policy             what a client may register for itself
 */
public record RegistrationSettings(String initialAccessToken, RegistrationPolicy policy) {

    /** Open registration under the default policy. */
    public static final RegistrationSettings OPEN = new RegistrationSettings(null, RegistrationPolicy.DEFAULT);

    /** Registration behind an initial access token, under the default policy. */
    public RegistrationSettings(String initialAccessToken) {
        this(initialAccessToken, RegistrationPolicy.DEFAULT);
    }

    /** These settings under another policy. */
    public RegistrationSettings withPolicy(RegistrationPolicy other) {
        return new RegistrationSettings(initialAccessToken, other);
    }

    /** Never shows the initial access token. */
    @Override
    public String toString() {
        return "RegistrationSettings[initialAccessToken=" + (initialAccessToken == null ? "none" : "***")
                + ", policy=" + policy + "]";
    }
}
