package dev.tollgate.device;

import dev.tollgate.oauth2.OAuth2Error;

/** The token endpoint's error codes of the device code grant (RFC 8628 §3.5), answered with 400. */
public final class DeviceErrors {

    public static final String AUTHORIZATION_PENDING = "authorization_pending";
    public static final String SLOW_DOWN = "slow_down";
    public static final String EXPIRED_TOKEN = "expired_token";

    private DeviceErrors() {
    }

    static OAuth2Error authorizationPending() {
        return new OAuth2Error(AUTHORIZATION_PENDING, "The user has not decided yet.", 400);
    }

    static OAuth2Error slowDown() {
        return new OAuth2Error(SLOW_DOWN, "Polled sooner than the interval; it is now 5 seconds longer.", 400);
    }

    static OAuth2Error expiredToken() {
        return new OAuth2Error(EXPIRED_TOKEN, "The device_code has expired.", 400);
    }
}
