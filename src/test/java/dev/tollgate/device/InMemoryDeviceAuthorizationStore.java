package dev.tollgate.device;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Authorizations in two maps, swapped atomically by {@link ConcurrentHashMap#replace(Object, Object, Object)}. */
public final class InMemoryDeviceAuthorizationStore implements DeviceAuthorizationStore {

    final Map<String, DeviceAuthorization> byDeviceCode = new ConcurrentHashMap<>();
    private final Map<String, String> byUserCode = new ConcurrentHashMap<>();

    @Override
    public boolean create(DeviceAuthorization authorization) {
        if (byUserCode.putIfAbsent(authorization.userCodeHash(), authorization.deviceCodeHash()) != null) {
            return false;
        }
        byDeviceCode.put(authorization.deviceCodeHash(), authorization);
        return true;
    }

    @Override
    public Optional<DeviceAuthorization> find(String deviceCodeHash) {
        return Optional.ofNullable(byDeviceCode.get(deviceCodeHash));
    }

    @Override
    public Optional<DeviceAuthorization> findByUserCode(String userCodeHash) {
        return Optional.ofNullable(byUserCode.get(userCodeHash)).flatMap(this::find);
    }

    @Override
    public boolean replace(DeviceAuthorization current, DeviceAuthorization next) {
        return byDeviceCode.replace(current.deviceCodeHash(), current, next);
    }
}
