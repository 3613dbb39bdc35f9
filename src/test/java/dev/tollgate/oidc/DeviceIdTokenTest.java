package dev.tollgate.oidc;

import static dev.tollgate.oidc.OpenIdFixture.RP;
import static dev.tollgate.oidc.OpenIdFixture.SECRET;
import static dev.tollgate.oidc.OpenIdFixture.json;
import static dev.tollgate.oidc.OpenIdFixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tollgate.device.DeviceAuthorizationEndpoint;
import dev.tollgate.device.DeviceCodeGrant;
import dev.tollgate.device.DeviceVerification;
import dev.tollgate.device.Visitor;
import dev.tollgate.oauth2.OAuth2Response;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The device code grant issues an ID token when {@code openid} is granted, as the code grant does. */
class DeviceIdTokenTest {

    private final OpenIdFixture f = new OpenIdFixture();

    private JsonObject deviceTokens(String scope) {
        OAuth2Response asked = f.server.createEndpointResponse(DeviceAuthorizationEndpoint.NAME, OpenIdFixture
                .postForm("/oauth2/device_authorization", params("scope", scope), OpenIdFixture.basic(RP, SECRET)));
        assertEquals(200, asked.status(), asked.body());
        JsonObject codes = json(asked);
        assertEquals(DeviceVerification.Outcome.OK, f.device.approve(codes.getString("user_code"), f.alice,
                new Visitor("session", "192.0.2.1")));
        OAuth2Response issued = f.token(RP, params("grant_type", DeviceCodeGrant.GRANT_TYPE, "device_code",
                codes.getString("device_code")));
        assertEquals(200, issued.status(), issued.body());
        return json(issued);
    }

    @Test
    void openIdScopeGivesAnIdTokenForTheApprovingUserWithoutNonce() {
        JsonObject tokens = deviceTokens("openid profile");
        JWTClaimsSet claims = f.validIdToken(tokens.getString("id_token"), null);
        assertEquals("alice", claims.getSubject());
        assertNull(claims.getClaim("nonce"));
        assertEquals(f.alice.authTime().getEpochSecond(), ((Number) claims.getClaim("auth_time")).longValue());
    }

    @Test
    void withoutOpenIdNoIdToken() {
        assertFalse(deviceTokens("profile").containsKey("id_token"));
    }
}
