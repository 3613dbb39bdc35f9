package dev.tollgate.device;

import dev.tollgate.oauth2.OAuth2Client;
import java.util.Set;

/**
 * What the verification page shows the user before they decide (RFC 8628 §3.3): the code as the device shows it,
 * the client and the scope.
 *
 * @param userCode the user code, formatted ({@code WDJB-MJHT})
 * @param client   the client that asks
 * @param scope    the scope it would get
 */
public record DeviceRequest(String userCode, OAuth2Client client, Set<String> scope) {

    public DeviceRequest {
        scope = Set.copyOf(scope);
    }
}
