package dev.tollgate.device;

import static dev.tollgate.device.DeviceFixture.KIOSK;
import static dev.tollgate.device.DeviceFixture.KIOSK_SECRET;
import static dev.tollgate.device.DeviceFixture.OTHER_TV;
import static dev.tollgate.device.DeviceFixture.TV;
import static dev.tollgate.device.DeviceFixture.WEB;
import static dev.tollgate.device.DeviceFixture.basic;
import static dev.tollgate.device.DeviceFixture.error;
import static dev.tollgate.device.DeviceFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.OAuth2Token;
import dev.tollgate.oauth2.ResourceOwner;
import dev.tollgate.testing.Concurrently;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The device code grant at the token endpoint (RFC 8628 §3.4, §3.5). */
class DeviceCodeGrantTest {

    private static final Visitor ALICE_BROWSER = new Visitor("session-1", "192.0.2.1");

    private final DeviceFixture f = new DeviceFixture();
    private final JsonObject authorization = f.authorized();
    private final String deviceCode = authorization.getString("device_code");
    private final String userCode = authorization.getString("user_code");

    private DeviceAuthorization stored() {
        return f.store.byDeviceCode.get(Secrets.sha256(deviceCode));
    }

    private void approve() {
        assertEquals(DeviceVerification.Outcome.OK,
                f.verification.approve(userCode, ResourceOwner.of("alice"), ALICE_BROWSER));
    }

    @Test
    void pendingUntilTheUserDecides() {
        assertEquals("authorization_pending", error(f.poll(TV, deviceCode)));
        f.clock.advance(Duration.ofSeconds(5));
        assertEquals("authorization_pending", error(f.poll(TV, deviceCode)));
        assertEquals(5, stored().intervalSeconds());
    }

    @Test
    void slowDownAddsFiveSecondsToTheIntervalEachTime() {
        assertEquals("authorization_pending", error(f.poll(TV, deviceCode)));
        f.clock.advance(Duration.ofSeconds(4));
        assertEquals("slow_down", error(f.poll(TV, deviceCode)));
        assertEquals(10, stored().intervalSeconds());
        f.clock.advance(Duration.ofSeconds(9)); // 9 s after the last poll, the interval is 10 s
        assertEquals("slow_down", error(f.poll(TV, deviceCode)));
        assertEquals(15, stored().intervalSeconds());
        f.clock.advance(Duration.ofSeconds(15)); // at the interval: fine, and it stays
        assertEquals("authorization_pending", error(f.poll(TV, deviceCode)));
        assertEquals(15, stored().intervalSeconds());
        f.clock.advance(Duration.ofSeconds(20));
        assertEquals("authorization_pending", error(f.poll(TV, deviceCode)));
        assertEquals(15, stored().intervalSeconds());
    }

    @Test
    void approvedGivesTokensWithARefreshTokenOnce() {
        f.poll(TV, deviceCode);
        approve();
        OAuth2Response issued = f.poll(TV, deviceCode); // sooner than the interval: tokens win over slow_down
        assertEquals(200, issued.status(), issued.body());
        JsonObject tokens = json(issued);
        assertEquals("profile", tokens.getString("scope"));
        assertTrue(tokens.containsKey("refresh_token"));
        OAuth2Token token = f.tokens.findByAccessTokenHash(Secrets.sha256(tokens.getString("access_token")))
                .orElseThrow();
        assertEquals("alice", token.getUsername());
        assertEquals(TV, token.getClientId());

        f.clock.advance(Duration.ofSeconds(5));
        assertEquals("invalid_grant", error(f.poll(TV, deviceCode)));

        OAuth2Response refreshed = f.server.createTokenResponse(DeviceFixture.post("/oauth2/token", Map.of(
                "grant_type", "refresh_token", "client_id", TV, "refresh_token", tokens.getString("refresh_token")),
                null));
        assertEquals(200, refreshed.status(), refreshed.body());
    }

    @Test
    void aClientThatMayNotRefreshGetsNoRefreshToken() {
        OAuth2Response asked = f.server.createEndpointResponse(DeviceAuthorizationEndpoint.NAME, DeviceFixture.post(
                "/oauth2/device_authorization", Map.of(), basic(KIOSK, KIOSK_SECRET)));
        JsonObject body = json(asked);
        assertEquals(DeviceVerification.Outcome.OK, f.verification.approve(body.getString("user_code"),
                ResourceOwner.of("bob"), ALICE_BROWSER));
        OAuth2Response issued = f.server.createTokenResponse(DeviceFixture.post("/oauth2/token", Map.of(
                "grant_type", DeviceCodeGrant.GRANT_TYPE, "device_code", body.getString("device_code")),
                basic(KIOSK, KIOSK_SECRET)));
        assertEquals(200, issued.status(), issued.body());
        assertFalse(json(issued).containsKey("refresh_token"));
    }

    @Test
    void deniedIsAccessDeniedEveryTime() {
        assertEquals(DeviceVerification.Outcome.OK, f.verification.deny(userCode, ALICE_BROWSER));
        assertEquals("access_denied", error(f.poll(TV, deviceCode)));
        f.clock.advance(Duration.ofSeconds(5));
        assertEquals("access_denied", error(f.poll(TV, deviceCode)));
    }

    @Test
    void expiredAfterTheLifetimeEvenIfApproved() {
        f.clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertEquals("authorization_pending", error(f.poll(TV, deviceCode)));
        approve();
        f.clock.advance(Duration.ofSeconds(1));
        assertEquals("expired_token", error(f.poll(TV, deviceCode)));
    }

    @Test
    void aShortLifetimeFromTheSettings() {
        DeviceFixture shortLived = new DeviceFixture(DeviceSettings.DEFAULT.withLifetime(Duration.ofSeconds(30)));
        JsonObject body = shortLived.authorized();
        assertEquals(30, body.getInt("expires_in"));
        shortLived.clock.advance(Duration.ofSeconds(30));
        assertEquals("expired_token", error(shortLived.poll(TV, body.getString("device_code"))));
        assertEquals(DeviceVerification.Outcome.NOT_FOUND,
                shortLived.verification.lookup(body.getString("user_code"), ALICE_BROWSER).outcome());
    }

    @Test
    void anUnknownCodeOrAnotherClientsIsInvalidGrant() {
        approve();
        assertEquals("invalid_grant", error(f.poll(TV, "not-a-device-code")));
        assertEquals("invalid_grant", error(f.poll(TV, "x".repeat(5_000))));
        assertEquals("invalid_grant", error(f.poll(OTHER_TV, deviceCode)));
        assertEquals("invalid_grant", error(f.poll(TV, Secrets.sha256(deviceCode)))); // the hash is no code
        assertEquals(200, f.poll(TV, deviceCode).status()); // still there for its own client
    }

    @Test
    void aMissingCodeIsInvalidRequest() {
        assertEquals("invalid_request", error(f.server.createTokenResponse(DeviceFixture.post("/oauth2/token",
                Map.of("grant_type", DeviceCodeGrant.GRANT_TYPE, "client_id", TV), null))));
        assertEquals("invalid_request", error(f.poll(TV, "")));
    }

    @Test
    void aClientNotRegisteredForTheGrantIsUnauthorized() {
        assertEquals("unauthorized_client", error(f.poll(WEB, deviceCode)));
    }

    @Test
    void concurrentPollsOfAnApprovedCodeGetTokensOnce() throws Exception {
        approve();
        List<Integer> statuses = Concurrently.run(16, () -> f.poll(TV, deviceCode).status());
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(15, statuses.stream().filter(status -> status == 400).count(), statuses.toString());
        assertEquals(DeviceAuthorization.Status.REDEEMED, stored().status());
    }

    @Test
    void concurrentPollsOfAPendingCodeAreOnePendingAndTheRestSlowDown() throws Exception {
        List<String> errors = Concurrently.run(8, () -> error(f.poll(TV, deviceCode)));
        assertEquals(1, errors.stream().filter("authorization_pending"::equals).count(), errors.toString());
        assertEquals(7, errors.stream().filter("slow_down"::equals).count(), errors.toString());
    }
}
