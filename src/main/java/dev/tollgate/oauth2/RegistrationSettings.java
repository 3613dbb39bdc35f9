package dev.tollgate.oauth2;

import java.util.Objects;

/**
 * Settings of the {@link RegistrationEndpoint}.
 *
 * @param initialAccessToken the token required to register clients (RFC 7591 §3), or {@code null} for open
 *                           registration
 * @param policy             what a client may register for itself
 * @param softwareStatements verifies software statements (RFC 7591 §2.3); {@link SoftwareStatements#REFUSED} by
 *                           default
 */
public record RegistrationSettings(String initialAccessToken, RegistrationPolicy policy,
                                   SoftwareStatements softwareStatements) {

    /** Open registration under the default policy. */
    public static final RegistrationSettings OPEN = new RegistrationSettings(null, RegistrationPolicy.DEFAULT);

    public RegistrationSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(softwareStatements, "softwareStatements");
    }

    /** Registration under a policy, without software statements. */
    public RegistrationSettings(String initialAccessToken, RegistrationPolicy policy) {
        this(initialAccessToken, policy, SoftwareStatements.REFUSED);
    }

    /** Registration behind an initial access token, under the default policy. */
    public RegistrationSettings(String initialAccessToken) {
        this(initialAccessToken, RegistrationPolicy.DEFAULT);
    }

    /** These settings under another policy. */
    public RegistrationSettings withPolicy(RegistrationPolicy other) {
        return new RegistrationSettings(initialAccessToken, other, softwareStatements);
    }

    /** These settings, verifying software statements with this. */
    public RegistrationSettings withSoftwareStatements(SoftwareStatements verifier) {
        return new RegistrationSettings(initialAccessToken, policy, verifier);
    }

    /** Never shows the initial access token. */
    @Override
    public String toString() {
        return "RegistrationSettings[initialAccessToken=" + (initialAccessToken == null ? "none" : "***")
                + ", policy=" + policy + "]";
    }
}
