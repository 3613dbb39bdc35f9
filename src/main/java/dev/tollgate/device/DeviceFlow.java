package dev.tollgate.device;

import dev.tollgate.oauth2.ClientStore;
import dev.tollgate.oauth2.OAuth2ServerBuilder;

/** Installs the device authorization grant (RFC 8628) on a server: its endpoint and its token grant. */
public final class DeviceFlow {

    private DeviceFlow() {
    }

    /**
     * Registers the device authorization endpoint and the device code grant on {@code builder}.
     *
     * @param clients  the server's clients, which the verification page names
     * @param store    where device authorizations live
     * @param failures where wrong user codes are counted
     * @return the calls of the application's verification page
     */
    public static DeviceVerification install(OAuth2ServerBuilder builder, ClientStore clients,
                                             DeviceAuthorizationStore store, FailureCounter failures,
                                             DeviceSettings settings) {
        builder.endpoint(new DeviceAuthorizationEndpoint(store, settings)).grant(new DeviceCodeGrant(store));
        return new DeviceVerification(store, failures, clients, settings, builder.clock());
    }
}
