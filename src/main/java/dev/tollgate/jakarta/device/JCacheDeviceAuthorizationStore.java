package dev.tollgate.jakarta.device;

import dev.tollgate.device.DeviceAuthorization;
import dev.tollgate.device.DeviceAuthorizationStore;
import java.util.Optional;
import javax.cache.Cache;

/**
 * Device authorizations in two JCache caches, keyed by the hashes of the codes: authorizations by device code
 * hash, and the device code hash by user code hash. A clustered provider shares them between the nodes; each step
 * is one {@code replace(key, old, new)}, atomic there too, so that a decision is taken once and tokens are issued
 * once across the cluster.
 */
public class JCacheDeviceAuthorizationStore implements DeviceAuthorizationStore {

    private final Cache<String, DeviceAuthorization> authorizations;
    private final Cache<String, String> userCodes;

    /**
     * @param authorizations by device code hash; entries kept at least the lifetime, longer to answer
     *                       {@code expired_token} to late polls
     * @param userCodes      device code hash by user code hash; entries kept at least the lifetime
     */
    public JCacheDeviceAuthorizationStore(Cache<String, DeviceAuthorization> authorizations,
                                          Cache<String, String> userCodes) {
        this.authorizations = authorizations;
        this.userCodes = userCodes;
    }

    @Override
    public boolean create(DeviceAuthorization authorization) {
        // the authorization first, so that a user code never points at nothing
        authorizations.put(authorization.deviceCodeHash(), authorization);
        if (userCodes.putIfAbsent(authorization.userCodeHash(), authorization.deviceCodeHash())) {
            return true;
        }
        authorizations.remove(authorization.deviceCodeHash(), authorization);
        return false;
    }

    @Override
    public Optional<DeviceAuthorization> find(String deviceCodeHash) {
        return Optional.ofNullable(authorizations.get(deviceCodeHash));
    }

    @Override
    public Optional<DeviceAuthorization> findByUserCode(String userCodeHash) {
        return Optional.ofNullable(userCodes.get(userCodeHash)).flatMap(this::find);
    }

    @Override
    public boolean replace(DeviceAuthorization current, DeviceAuthorization next) {
        return authorizations.replace(current.deviceCodeHash(), current, next);
    }
}
