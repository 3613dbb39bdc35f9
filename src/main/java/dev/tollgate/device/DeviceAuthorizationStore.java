package dev.tollgate.device;

import java.util.Optional;

/**
 * Where pending device authorizations live for their short life (RFC 8628), shared by every node of a cluster.
 * Each step (the decision, each poll, the redemption) reads an authorization and swaps in the next with
 * {@link #replace}, which succeeds for one caller only, so that a decision is taken once and tokens are issued
 * once however many polls race. Entries must be kept at least until they expire; longer lets a late poll hear
 * {@code expired_token} rather than {@code invalid_grant}.
 */
public interface DeviceAuthorizationStore {

    /**
     * Stores a new authorization under its device code hash and its user code hash, unless the user code hash is
     * taken (the caller then draws another user code).
     *
     * @return {@code false} if another authorization has the user code
     */
    boolean create(DeviceAuthorization authorization);

    /** The authorization of a device code hash. */
    Optional<DeviceAuthorization> find(String deviceCodeHash);

    /** The authorization of a user code hash. */
    Optional<DeviceAuthorization> findByUserCode(String userCodeHash);

    /**
     * Swaps {@code next} in for {@code current}, atomically, if {@code current} is still what is stored under its
     * device code hash (JCache: {@code replace(key, old, new)}).
     *
     * @return whether it was swapped: {@code false} if another step came first
     */
    boolean replace(DeviceAuthorization current, DeviceAuthorization next);
}
