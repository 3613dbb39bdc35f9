package dev.tollgate.jwt;

import static dev.tollgate.jwt.AccessTokenFixture.ISSUER;
import static dev.tollgate.jwt.AccessTokenFixture.JWT_CLIENT;
import static dev.tollgate.jwt.AccessTokenFixture.OPAQUE_CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.tollgate.oauth2.OAuth2Response;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Introspection (RFC 7662) and UserInfo (OpenID Connect Core §5.3) with JWT access tokens. */
class JwtAccessTokenEndpointsTest {

    private final AccessTokenFixture f = new AccessTokenFixture();

    @Test
    void anActiveJwtIsIntrospectedLocally() throws Exception {
        String jwt = f.codeFlow(JWT_CLIENT, "openid profile").getString("access_token");
        f.tokens.failReads = true;
        JsonObject json = f.introspect(jwt);
        f.tokens.failReads = false;
        TokenIntrospectionSuccessResponse response = TokenIntrospectionSuccessResponse.parse(
                JSONObjectUtils.parse(json.toString()));
        assertTrue(response.isActive());
        assertEquals(JWT_CLIENT, response.getClientID().getValue());
        assertEquals("alice", response.getUsername());
        assertEquals("alice", response.getSubject().getValue());
        assertEquals(Set.of("openid", "profile"), response.getScope().toStringList().stream()
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals("Bearer", response.getTokenType().getValue());
        assertEquals(ISSUER, response.getIssuer().getValue());
        assertEquals(f.clock.instant().plusSeconds(1800).getEpochSecond(),
                response.getExpirationTime().toInstant().getEpochSecond());
        assertEquals(f.clock.instant().getEpochSecond(), response.getIssueTime().toInstant().getEpochSecond());
    }

    @Test
    void inactiveWhenRevokedExpiredOrNotAnAccessToken() {
        JsonObject tokens = f.codeFlow(JWT_CLIENT, "openid profile");
        String jwt = tokens.getString("access_token");
        f.tokens.failReads = true;
        assertTrue(f.introspect(jwt).getBoolean("active"));
        f.tokens.failReads = false;
        // the refresh token is looked up in the store, as before
        assertTrue(f.introspect(tokens.getString("refresh_token")).getBoolean("active"));
        // an ID token: no access token here, nor a refresh token in the store
        assertEquals(inactive(), f.introspect(tokens.getString("id_token")));

        f.revoke(JWT_CLIENT, jwt, null);
        assertEquals(inactive(), f.introspect(jwt));

        String other = f.codeFlow(JWT_CLIENT, "profile").getString("access_token");
        f.clock.advance(Duration.ofMinutes(30));
        assertEquals(inactive(), f.introspect(other));
    }

    private static JsonObject inactive() {
        return dev.tollgate.common.JsonSupport.parse("{\"active\":false}").asJsonObject();
    }

    @Test
    void opaqueTokensAreIntrospectedAsBefore() {
        String opaque = f.codeFlow(OPAQUE_CLIENT, "profile").getString("access_token");
        JsonObject json = f.introspect(opaque);
        assertTrue(json.getBoolean("active"));
        assertEquals(OPAQUE_CLIENT, json.getString("client_id"));
        f.revoke(OPAQUE_CLIENT, opaque, null);
        assertFalse(f.introspect(opaque).getBoolean("active"));
    }

    @Test
    void userInfoWithAJwt() {
        String jwt = f.codeFlow(JWT_CLIENT, "openid profile email").getString("access_token");
        OAuth2Response response = f.userInfo(jwt);
        assertEquals(200, response.status(), response.body());
        JsonObject claims = AccessTokenFixture.json(response);
        assertEquals("alice", claims.getString("sub"));
        assertEquals("Alice Liddell", claims.getString("name"));
        assertEquals("alice@example.com", claims.getString("email"));

        f.revoke(JWT_CLIENT, jwt, null);
        OAuth2Response refused = f.userInfo(jwt);
        assertEquals(401, refused.status());
        assertTrue(refused.header("WWW-Authenticate").contains("invalid_token"));
    }

    @Test
    void userInfoRefusesAnIdToken() {
        String idToken = f.codeFlow(JWT_CLIENT, "openid profile").getString("id_token");
        assertEquals(401, f.userInfo(idToken).status());
    }
}
