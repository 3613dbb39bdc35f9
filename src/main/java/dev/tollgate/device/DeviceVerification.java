package dev.tollgate.device;

import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.ClientStore;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.ResourceOwner;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The application's calls for its verification page (RFC 8628 §3.3): look up the user code a signed-in user
 * entered, show what it asks, then approve or deny it once. Wrong codes are counted by session and by address in a
 * {@link FailureCounter} the cluster shares; past {@link DeviceSettings#maxFailuresPerSession()} or
 * {@link DeviceSettings#maxFailuresPerAddress()} every entry is refused until they are forgotten (§5.1).
 */
public final class DeviceVerification {

    /** What became of an entered user code. */
    public enum Outcome {
        /** Found pending (lookup), or the decision taken (approve, deny). */
        OK,
        /** Unknown, expired or decided already. */
        NOT_FOUND,
        /** Too many wrong codes from this session or address: nothing was looked up. */
        TOO_MANY_ATTEMPTS
    }

    /**
     * A lookup's answer.
     *
     * @param outcome what became of the code
     * @param request what to show, when {@link Outcome#OK}
     */
    public record Lookup(Outcome outcome, DeviceRequest request) {
    }

    private final DeviceAuthorizationStore store;
    private final FailureCounter failures;
    private final ClientStore clients;
    private final DeviceSettings settings;
    private final Clock clock;

    public DeviceVerification(DeviceAuthorizationStore store, FailureCounter failures, ClientStore clients,
                              DeviceSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Looks up a user code as entered (any case, hyphens and spaces ignored) for the page that asks the user. */
    public Lookup lookup(String enteredUserCode, Visitor visitor) {
        if (isLimited(visitor)) {
            return new Lookup(Outcome.TOO_MANY_ATTEMPTS, null);
        }
        Optional<DeviceAuthorization> pending = pending(enteredUserCode, visitor);
        Optional<OAuth2Client> client = pending.flatMap(found -> clients.find(found.clientId()));
        if (pending.isEmpty() || client.isEmpty()) {
            return new Lookup(Outcome.NOT_FOUND, null);
        }
        return new Lookup(Outcome.OK, new DeviceRequest(UserCode.format(UserCode.normalize(enteredUserCode)),
                client.get(), pending.get().scopes()));
    }

    /** Approves the authorization of a user code for {@code owner}, the signed-in user, unless it was decided. */
    public Outcome approve(String enteredUserCode, ResourceOwner owner, Visitor visitor) {
        Objects.requireNonNull(owner, "owner");
        return decide(enteredUserCode, owner, visitor);
    }

    /** Denies the authorization of a user code, unless it was decided: the device hears {@code access_denied}. */
    public Outcome deny(String enteredUserCode, Visitor visitor) {
        return decide(enteredUserCode, null, visitor);
    }

    private Outcome decide(String enteredUserCode, ResourceOwner owner, Visitor visitor) {
        if (isLimited(visitor)) {
            return Outcome.TOO_MANY_ATTEMPTS;
        }
        Optional<DeviceAuthorization> pending = pending(enteredUserCode, visitor);
        while (pending.isPresent()) {
            DeviceAuthorization current = pending.get();
            if (store.replace(current, owner == null ? current.deny() : current.approve(owner))) {
                return Outcome.OK;
            }
            // a poll or another decision came first: read again
            pending = store.findByUserCode(current.userCodeHash()).filter(this::isPending);
        }
        return Outcome.NOT_FOUND;
    }

    // The pending authorization of a code; an unknown code counts as a failure of the session and the address.
    private Optional<DeviceAuthorization> pending(String enteredUserCode, Visitor visitor) {
        String code = UserCode.normalize(enteredUserCode);
        Optional<DeviceAuthorization> found = code == null ? Optional.empty()
                : store.findByUserCode(Secrets.sha256(code));
        if (found.isEmpty()) {
            failures.increment(sessionKey(visitor), settings.failureMemory());
            if (visitor.address() != null) {
                failures.increment(addressKey(visitor), settings.failureMemory());
            }
        }
        return found.filter(this::isPending);
    }

    private boolean isPending(DeviceAuthorization authorization) {
        return authorization.status() == DeviceAuthorization.Status.PENDING
                && !authorization.isExpired(clock.instant());
    }

    private boolean isLimited(Visitor visitor) {
        return failures.count(sessionKey(visitor)) >= settings.maxFailuresPerSession()
                || visitor.address() != null
                && failures.count(addressKey(visitor)) >= settings.maxFailuresPerAddress();
    }

    private static String sessionKey(Visitor visitor) {
        return "session " + Secrets.sha256(visitor.sessionId());
    }

    private static String addressKey(Visitor visitor) {
        return "address " + Secrets.sha256(visitor.address());
    }
}
