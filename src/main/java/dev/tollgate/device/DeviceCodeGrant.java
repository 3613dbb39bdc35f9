package dev.tollgate.device;

import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.TokenContext;
import dev.tollgate.oauth2.TokenGrant;
import dev.tollgate.oauth2.TokenRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The device code grant (RFC 8628 §3.4, §3.5): the device polls the token endpoint with its {@code device_code}
 * and hears {@code authorization_pending} until the user decides, {@code slow_down} (and a 5 s longer interval)
 * when it polls sooner than its interval, {@code access_denied} after a denial, {@code expired_token} once the code
 * expired, and {@code invalid_grant} for an unknown code, another client's, or one whose tokens were issued. The
 * tokens, with a refresh token if the client may refresh, are issued once: the redemption is one atomic step of
 * the store, so that of many concurrent polls one wins.
 */
public final class DeviceCodeGrant implements TokenGrant {

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";

    /** The longest {@code device_code} read: a real one has 43 characters. */
    static final int MAX_DEVICE_CODE_LENGTH = 256;

    private final DeviceAuthorizationStore store;

    public DeviceCodeGrant(DeviceAuthorizationStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public String grantType() {
        return GRANT_TYPE;
    }

    @Override
    public TokenContext validateTokenRequest(TokenRequest request) {
        String deviceCode = request.form("device_code");
        if (deviceCode == null || deviceCode.isEmpty()) {
            throw OAuth2Error.invalidRequest("Missing device_code."); // §3.4
        }
        if (deviceCode.length() > MAX_DEVICE_CODE_LENGTH) {
            throw OAuth2Error.invalidGrant("The device_code is not known.");
        }
        String hash = Secrets.sha256(deviceCode);
        while (true) {
            DeviceAuthorization current = store.find(hash)
                    .filter(found -> found.clientId().equals(request.client().getClientId()))
                    .orElseThrow(() -> OAuth2Error.invalidGrant("The device_code is not known."));
            Instant now = request.now();
            if (current.isExpired(now)) {
                throw DeviceErrors.expiredToken();
            }
            switch (current.status()) {
                case DENIED -> throw OAuth2Error.accessDenied("The user denied the authorization."); // §3.5
                case REDEEMED -> throw OAuth2Error.invalidGrant("The device_code was used already.");
                case APPROVED -> {
                    if (store.replace(current, current.redeem())) {
                        return new TokenContext(GRANT_TYPE, request.client(), current.owner(), current.scopes(),
                                Secrets.randomToken(16), true, Map.of());
                    }
                }
                case PENDING -> {
                    if (store.replace(current, current.poll(now))) {
                        throw current.isTooSoon(now) ? DeviceErrors.slowDown() : DeviceErrors.authorizationPending();
                    }
                }
            }
            // another step came first (a decision, or a concurrent poll): read again
        }
    }
}
