package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.basic;
import static dev.tollgate.oauth2.Fixture.json;
import static dev.tollgate.oauth2.Fixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntrospectionEndpointTest {

    private static final JsonObject INACTIVE = Json.createObjectBuilder().add("active", false).build();

    private final Fixture f = new Fixture();

    private OAuth2Response introspect(String token, String authorization) {
        return f.server.createEndpointResponse(IntrospectionEndpoint.NAME,
                Fixture.post("/oauth2/introspect", params("token", token), authorization));
    }

    private JsonObject introspect(String token) {
        return json(introspect(token, basic("demo-client", "demo-secret")));
    }

    @Test
    void activeTokenShowsItsClaims() {
        JsonObject token = f.codeToken("profile");
        JsonObject body = introspect(token.getString("access_token"));
        assertTrue(body.getBoolean("active"));
        assertEquals("profile", body.getString("scope"));
        assertEquals("demo-client", body.getString("client_id"));
        assertEquals("alice", body.getString("username"));
        assertEquals("alice", body.getString("sub"));
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals(f.clock.instant().getEpochSecond(), body.getJsonNumber("iat").longValue());
        assertEquals(f.clock.instant().getEpochSecond() + 3600, body.getJsonNumber("exp").longValue());
        assertEquals(Fixture.ISSUER, body.getString("iss"));
    }

    @Test
    void refreshTokensCanBeIntrospected() {
        JsonObject body = introspect(f.codeToken(null).getString("refresh_token"));
        assertTrue(body.getBoolean("active"));
        assertFalse(body.containsKey("token_type"));
    }

    @Test
    void unknownExpiredAndRevokedTokensAreJustInactive() {
        assertEquals(INACTIVE, introspect("no-such-token"));
        JsonObject revoked = f.codeToken(null);
        f.server.createEndpointResponse(RevocationEndpoint.NAME, Fixture.post("/oauth2/revoke",
                params("token", revoked.getString("access_token")), basic("demo-client", "demo-secret")));
        assertEquals(INACTIVE, introspect(revoked.getString("access_token")));
        JsonObject expired = f.codeToken(null);
        f.clock.advance(Duration.ofHours(1));
        assertEquals(INACTIVE, introspect(expired.getString("access_token")));
    }

    @Test
    void anotherClientSeesNothing() {
        JsonObject token = f.codeToken(null);
        OAuth2Response response = introspect(token.getString("access_token"), null);
        assertEquals("invalid_client", json(response).getString("error"));
        JsonObject other = json(f.server.createEndpointResponse(IntrospectionEndpoint.NAME, Fixture.post("/oauth2/introspect",
                params("token", token.getString("access_token"), "client_id", "demo-post-client",
                        "client_secret", "demo-post-secret"), null)));
        assertEquals(INACTIVE, other);
    }

    @Test
    void resourceServersSeeEveryToken() {
        JsonObject token = f.codeToken(null);
        assertTrue(json(introspect(token.getString("access_token"), basic("resource-server", "rs-secret")))
                .getBoolean("active"));
    }

    @Test
    void thePolicyIsReplaceable() {
        Fixture hidden = new Fixture(o -> o.builder = b -> b.endpoint(new IntrospectionEndpoint((caller, token) -> false)));
        OAuth2Response response = hidden.server.createEndpointResponse(IntrospectionEndpoint.NAME, Fixture.post(
                "/oauth2/introspect", params("token", hidden.codeToken(null).getString("access_token")),
                Fixture.basic("resource-server", "rs-secret")));
        assertEquals(INACTIVE, json(response));
    }

    @Test
    void publicClientsCannotIntrospect() {
        OAuth2Response response = f.server.createEndpointResponse(IntrospectionEndpoint.NAME,
                Fixture.post("/oauth2/introspect", params("token", "x", "client_id", "demo-public"), null));
        assertEquals("invalid_client", json(response).getString("error"));
    }
}
