package dev.tollgate.device;

import dev.tollgate.oauth2.ResourceOwner;
import dev.tollgate.oauth2.Scope;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A device authorization as stored (RFC 8628 §3.1 to §3.5): found by the hash of its device code or of its user
 * code, never by the codes themselves. Immutable; each step makes a new one, which the store swaps in for the old
 * only if the old is still there ({@link DeviceAuthorizationStore#replace}), so each step is taken once.
 *
 * @param deviceCodeHash  {@code Secrets.sha256} of the device code
 * @param userCodeHash    {@code Secrets.sha256} of the normalized user code
 * @param clientId        the client that asked
 * @param scope           the granted scope, space-separated
 * @param expiresAt       when both codes expire
 * @param intervalSeconds the least time between polls, grown by 5 s by each {@code slow_down} (§3.5)
 * @param lastPoll        when the client last polled, or {@code null}
 * @param status          where it stands
 * @param subject         who approved it, or {@code null}
 * @param authTime        when they signed in, or {@code null}
 * @param amr             how they signed in, space-separated (may be empty)
 * @param acr             the authentication context class, or {@code null}
 */
public record DeviceAuthorization(String deviceCodeHash, String userCodeHash, String clientId, String scope,
                                  Instant expiresAt, long intervalSeconds, Instant lastPoll, Status status,
                                  String subject, Instant authTime, String amr, String acr) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The amount {@code slow_down} adds to the interval (§3.5). */
    public static final Duration SLOW_DOWN = Duration.ofSeconds(5);

    /** Where an authorization stands. */
    public enum Status {
        /** Waiting for the user's decision. */
        PENDING,
        /** Approved; tokens not yet issued. */
        APPROVED,
        /** Denied by the user. */
        DENIED,
        /** Approved and its tokens issued: never again. */
        REDEEMED
    }

    public DeviceAuthorization {
        Objects.requireNonNull(deviceCodeHash, "deviceCodeHash");
        Objects.requireNonNull(userCodeHash, "userCodeHash");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amr, "amr");
    }

    /** A new pending authorization. */
    static DeviceAuthorization pending(String deviceCodeHash, String userCodeHash, String clientId, Set<String> scope,
                                       Instant expiresAt, Duration interval) {
        return new DeviceAuthorization(deviceCodeHash, userCodeHash, clientId, Scope.format(scope), expiresAt,
                interval.toSeconds(), null, Status.PENDING, null, null, "", null);
    }

    /** Whether its codes have expired at {@code now}. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The granted scope. */
    public Set<String> scopes() {
        return Scope.parse(scope);
    }

    /** Who approved it, or {@code null}. */
    public ResourceOwner owner() {
        return subject == null ? null : new ResourceOwner(subject, authTime, Scope.parse(amr), acr);
    }

    /** Approved by {@code owner}. */
    DeviceAuthorization approve(ResourceOwner owner) {
        return new DeviceAuthorization(deviceCodeHash, userCodeHash, clientId, scope, expiresAt, intervalSeconds,
                lastPoll, Status.APPROVED, owner.subject(), owner.authTime(), Scope.format(owner.amr()), owner.acr());
    }

    /** Denied. */
    DeviceAuthorization deny() {
        return withStatus(Status.DENIED);
    }

    /** Its tokens issued. */
    DeviceAuthorization redeem() {
        return withStatus(Status.REDEEMED);
    }

    /** Whether a poll at {@code now} comes sooner than the interval after the last one (§3.5 {@code slow_down}). */
    boolean isTooSoon(Instant now) {
        return lastPoll != null && now.isBefore(lastPoll.plusSeconds(intervalSeconds));
    }

    /** Polled at {@code now}; the interval grown by {@link #SLOW_DOWN} if that was too soon (§3.5). */
    DeviceAuthorization poll(Instant now) {
        long interval = isTooSoon(now) ? intervalSeconds + SLOW_DOWN.toSeconds() : intervalSeconds;
        return new DeviceAuthorization(deviceCodeHash, userCodeHash, clientId, scope, expiresAt, interval, now,
                status, subject, authTime, amr, acr);
    }

    private DeviceAuthorization withStatus(Status next) {
        return new DeviceAuthorization(deviceCodeHash, userCodeHash, clientId, scope, expiresAt, intervalSeconds,
                lastPoll, next, subject, authTime, amr, acr);
    }

    /** The client, status and expiry; no hash and nobody's name. */
    @Override
    public String toString() {
        return "DeviceAuthorization[clientId=" + clientId + ", status=" + status + ", expiresAt=" + expiresAt + "]";
    }
}
