package dev.tollgate.device;

import static dev.tollgate.device.DeviceFixture.ISSUER;
import static dev.tollgate.device.DeviceFixture.KIOSK;
import static dev.tollgate.device.DeviceFixture.KIOSK_SECRET;
import static dev.tollgate.device.DeviceFixture.TV;
import static dev.tollgate.device.DeviceFixture.WEB;
import static dev.tollgate.device.DeviceFixture.basic;
import static dev.tollgate.device.DeviceFixture.error;
import static dev.tollgate.device.DeviceFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.MetadataEndpoint;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.RegistrationEndpoint;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The device authorization endpoint (RFC 8628 §3.1, §3.2, §4). */
class DeviceAuthorizationEndpointTest {

    private final DeviceFixture f = new DeviceFixture();

    @Test
    void answersTheCodesTheVerificationUriTheLifetimeAndTheInterval() {
        OAuth2Response response = f.authorize(TV, "profile");
        assertEquals(200, response.status(), response.body());
        assertEquals("no-store", response.header("Cache-Control"));
        JsonObject body = json(response);
        assertEquals(43, body.getString("device_code").length()); // 256 bits, base64url
        String userCode = body.getString("user_code");
        assertTrue(userCode.matches("[" + UserCode.ALPHABET + "]{4}-[" + UserCode.ALPHABET + "]{4}"), userCode);
        assertEquals(ISSUER + "/device", body.getString("verification_uri"));
        assertEquals(ISSUER + "/device?user_code=" + userCode, body.getString("verification_uri_complete"));
        assertEquals(600, body.getInt("expires_in"));
        assertEquals(5, body.getInt("interval"));
    }

    @Test
    void keepsOnlyTheHashesOfTheCodes() {
        JsonObject body = f.authorized();
        String deviceCode = body.getString("device_code");
        String userCode = UserCode.normalize(body.getString("user_code"));
        DeviceAuthorization stored = f.store.byDeviceCode.get(Secrets.sha256(deviceCode));
        assertEquals(Secrets.sha256(userCode), stored.userCodeHash());
        assertFalse(stored.toString().contains(stored.deviceCodeHash()), stored.toString());
        assertFalse(f.store.byDeviceCode.containsKey(deviceCode));
        assertEquals(Optional.of(stored), f.store.findByUserCode(Secrets.sha256(userCode)));
    }

    @Test
    void eachAuthorizationHasItsOwnCodes() {
        JsonObject first = f.authorized();
        JsonObject second = f.authorized();
        assertFalse(first.getString("device_code").equals(second.getString("device_code")));
        assertFalse(first.getString("user_code").equals(second.getString("user_code")));
    }

    @Test
    void scopeIsResolvedAsAtTheTokenEndpoint() {
        assertEquals("email profile", f.store.byDeviceCode.get(Secrets.sha256(
                json(f.authorize(TV, null)).getString("device_code"))).scope()); // the client's whole scope
        assertEquals("invalid_scope", error(f.authorize(TV, "admin")));
        assertEquals("invalid_scope", error(f.authorize(TV, "profile unknown")));
    }

    @Test
    void theClientMustBeKnownAndRegisteredForTheGrant() {
        assertEquals("unauthorized_client", error(f.authorize(WEB, "profile")));
        OAuth2Response unknown = f.authorize("nobody", "profile");
        assertEquals("invalid_client", json(unknown).getString("error"));
        assertTrue(unknown.status() == 400 || unknown.status() == 401, unknown.body());
    }

    @Test
    void aConfidentialClientAuthenticatesAsAtTheTokenEndpoint() {
        OAuth2Response ok = f.server.createEndpointResponse(DeviceAuthorizationEndpoint.NAME, DeviceFixture.post(
                "/oauth2/device_authorization", Map.of("scope", "email"), basic(KIOSK, KIOSK_SECRET)));
        assertEquals(200, ok.status(), ok.body());
        OAuth2Response wrong = f.server.createEndpointResponse(DeviceAuthorizationEndpoint.NAME, DeviceFixture.post(
                "/oauth2/device_authorization", Map.of("scope", "email"), basic(KIOSK, "wrong")));
        assertEquals(401, wrong.status(), wrong.body());
        OAuth2Response withoutSecret = f.authorize(KIOSK, "email");
        assertEquals("invalid_client", json(withoutSecret).getString("error"));
    }

    @Test
    void onlyPost() {
        OAuth2Response response = f.server.createEndpointResponse(DeviceAuthorizationEndpoint.NAME,
                OAuth2Request.of("GET", ISSUER + "/oauth2/device_authorization?client_id=tv", Map.of(), null, null));
        assertEquals("invalid_request", error(response));
    }

    @Test
    void metadataNamesTheEndpointAndTheGrant() {
        JsonObject metadata = json(f.server.createEndpointResponse(MetadataEndpoint.NAME,
                OAuth2Request.of("GET", ISSUER + "/.well-known/oauth-authorization-server", Map.of(), null, null)));
        assertEquals(ISSUER + "/oauth2/device_authorization", metadata.getString("device_authorization_endpoint"));
        assertTrue(metadata.getJsonArray("grant_types_supported").getValuesAs(jakarta.json.JsonString::getString)
                .contains(DeviceCodeGrant.GRANT_TYPE));
    }

    @Test
    void aTakenUserCodeIsDrawnAgainAndAFullStoreIsTemporarilyUnavailable() {
        AtomicInteger refusals = new AtomicInteger();
        DeviceFixture collides = new DeviceFixture(DeviceSettings.DEFAULT, store -> new DeviceFixture.Delegating(store) {
            @Override
            public boolean create(DeviceAuthorization authorization) {
                return refusals.getAndDecrement() <= 0 && super.create(authorization);
            }
        });
        refusals.set(DeviceAuthorizationEndpoint.USER_CODE_DRAWS - 1);
        assertEquals(200, collides.authorize(TV, "profile").status());
        assertEquals(1, collides.store.byDeviceCode.size());

        refusals.set(DeviceAuthorizationEndpoint.USER_CODE_DRAWS);
        OAuth2Response full = collides.authorize(TV, "profile");
        assertEquals(503, full.status(), full.body());
        assertEquals("temporarily_unavailable", json(full).getString("error"));
        assertEquals(1, collides.store.byDeviceCode.size());
    }

    @Test
    void aClientMayRegisterItselfForTheGrant() {
        OAuth2Response registered = f.server.createEndpointResponse(RegistrationEndpoint.NAME, OAuth2Request.of("POST",
                ISSUER + "/oauth2/register", Map.of(), "{\"client_name\":\"A TV\",\"token_endpoint_auth_method\":"
                        + "\"none\",\"grant_types\":[\"" + DeviceCodeGrant.GRANT_TYPE + "\",\"refresh_token\"],"
                        + "\"response_types\":[],\"scope\":\"profile\"}", "application/json"));
        assertEquals(201, registered.status(), registered.body());
        OAuth2Response asked = f.authorize(json(registered).getString("client_id"), "profile");
        assertEquals(200, asked.status(), asked.body());
    }
}
