package dev.tollgate.device;

import static dev.tollgate.common.JsonSupport.JSON;

import dev.tollgate.common.PercentEncoding;
import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.Capabilities;
import dev.tollgate.oauth2.Endpoint;
import dev.tollgate.oauth2.EndpointContext;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.OAuth2Settings;
import dev.tollgate.oauth2.ScopePolicy;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The device authorization endpoint (RFC 8628 §3.1, §3.2): the client authenticates as at the token endpoint (a
 * public client by {@code client_id}), must be registered for the device code grant, and gets a
 * {@code device_code} (256 random bits, stored only as its hash), a {@code user_code}, the
 * {@code verification_uri} with its {@code _complete} form, {@code expires_in} and {@code interval}.
 */
public final class DeviceAuthorizationEndpoint implements Endpoint {

    public static final String NAME = "device_authorization";
    public static final String DEFAULT_PATH = "/oauth2/device_authorization";

    /** Draws of a user code before giving up: a collision is rare, several in a row mean the store is full. */
    static final int USER_CODE_DRAWS = 5;

    private final DeviceAuthorizationStore store;
    private final DeviceSettings settings;

    public DeviceAuthorizationEndpoint(DeviceAuthorizationStore store, DeviceSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OAuth2Response createResponse(OAuth2Request request, EndpointContext context) {
        if (!"POST".equals(request.method())) {
            throw OAuth2Error.invalidRequest("The device authorization endpoint accepts POST only."); // §3.1
        }
        OAuth2Client client = context.authenticateClient(request, false);
        if (!client.getGrantTypes().contains(DeviceCodeGrant.GRANT_TYPE)) {
            throw OAuth2Error.unauthorizedClient("The client may not use the device authorization grant.");
        }
        Set<String> scope = new ScopePolicy(context.settings().scopesSupported()).resolve(client, request.form("scope"));
        String deviceCode = Secrets.randomToken(32);
        Instant now = context.clock().instant();
        for (int draw = 0; draw < USER_CODE_DRAWS; draw++) {
            String userCode = UserCode.generate(settings.userCodeLength());
            DeviceAuthorization authorization = DeviceAuthorization.pending(Secrets.sha256(deviceCode),
                    Secrets.sha256(userCode), client.getClientId(), scope, now.plus(settings.lifetime()),
                    settings.interval());
            if (store.create(authorization)) {
                String verificationUri = verificationUri(context.settings(), settings);
                String shown = UserCode.format(userCode);
                return OAuth2Response.json(200, JSON.createObjectBuilder()
                        .add("device_code", deviceCode)
                        .add("user_code", shown)
                        .add("verification_uri", verificationUri)
                        .add("verification_uri_complete", verificationUri + "?user_code="
                                + PercentEncoding.encode(shown))
                        .add("expires_in", settings.lifetime().toSeconds())
                        .add("interval", settings.interval().toSeconds())
                        .build());
            }
        }
        throw OAuth2Error.temporarilyUnavailable();
    }

    /** The verification page: the issuer and the settings' path (§3.2 {@code verification_uri}). */
    static String verificationUri(OAuth2Settings oauth2, DeviceSettings device) {
        return oauth2.issuer() + device.verificationPath();
    }

    @Override
    public void describe(JsonObjectBuilder metadata, OAuth2Settings oauth2, Capabilities capabilities) {
        metadata.add("device_authorization_endpoint", oauth2.endpointUrl(NAME, DEFAULT_PATH)); // §4
    }
}
