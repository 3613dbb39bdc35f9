package dev.tollgate.jakarta.device;

import dev.tollgate.device.DeviceAuthorizationEndpoint;
import dev.tollgate.jakarta.oauth2.EndpointServlet;

/** Serves the device authorization endpoint (RFC 8628 §3.1), e.g. at {@code /oauth2/device_authorization}. Ready to map. */
public class DeviceAuthorizationServlet extends EndpointServlet {

    public DeviceAuthorizationServlet() {
        super(DeviceAuthorizationEndpoint.NAME);
    }
}
