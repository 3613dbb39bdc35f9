package dev.tollgate.par;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of pushed authorization requests (RFC 9126).
 *
 * @param lifetime              how long a {@code request_uri} works: long enough for a sign-in and a consent page,
 *                              short since it stands for a whole request (§2.2 shows 60 seconds)
 * @param requiredForAllClients whether every client must push its requests (the metadata's
 *                              {@code require_pushed_authorization_requests}, §5); a client can also be held to it
 *                              by its own metadata field of that name (§6)
 */
public record PushedRequestSettings(Duration lifetime, boolean requiredForAllClients) {

    /** Two minutes; not required but of clients that registered so. */
    public static final PushedRequestSettings DEFAULT = new PushedRequestSettings(Duration.ofMinutes(2), false);

    /** @throws IllegalArgumentException for a lifetime under one second or over ten minutes */
    public PushedRequestSettings {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("A pushed request lives between 1 second and 10 minutes: " + lifetime);
        }
    }

    public PushedRequestSettings withLifetime(Duration newLifetime) {
        return new PushedRequestSettings(newLifetime, requiredForAllClients);
    }

    public PushedRequestSettings withRequiredForAllClients(boolean required) {
        return new PushedRequestSettings(lifetime, required);
    }
}
