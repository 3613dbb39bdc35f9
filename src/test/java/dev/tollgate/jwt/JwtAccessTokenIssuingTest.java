package dev.tollgate.jwt;

import static dev.tollgate.jwt.AccessTokenFixture.DEFAULT_CLIENT;
import static dev.tollgate.jwt.AccessTokenFixture.ISSUER;
import static dev.tollgate.jwt.AccessTokenFixture.JWT_CLIENT;
import static dev.tollgate.jwt.AccessTokenFixture.OPAQUE_CLIENT;
import static dev.tollgate.jwt.AccessTokenFixture.claimsOf;
import static dev.tollgate.jwt.AccessTokenFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.OAuth2Token;
import dev.tollgate.oauth2.RegistrationEndpoint;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 9068 §2: what a JWT access token says, for whom one is issued, and the MicroProfile JWT claims. */
class JwtAccessTokenIssuingTest {

    @Test
    void theHeaderAndEveryClaimOfAUsersToken() throws Exception {
        AccessTokenFixture f = new AccessTokenFixture();
        Instant issued = f.clock.instant();
        JsonObject response = f.codeFlow(JWT_CLIENT, "openid profile");
        // as a client reads it, with the Nimbus SDK
        AccessToken accessToken = AccessTokenResponse.parse(JSONObjectUtils.parse(response.toString()))
                .getTokens().getAccessToken();
        assertEquals("Bearer", accessToken.getType().getValue());
        assertEquals(1800, accessToken.getLifetime(), "the authorization_code grant's lifetime");
        String jwt = accessToken.getValue();

        JWSHeader header = parse(jwt).getHeader();
        assertEquals(new JOSEObjectType("at+jwt"), header.getType()); // §2.1
        assertEquals(JWSAlgorithm.RS256, header.getAlgorithm());
        assertEquals("k1", header.getKeyID());

        JWTClaimsSet claims = claimsOf(jwt);
        assertEquals(ISSUER, claims.getIssuer());
        assertEquals(List.of(ISSUER), claims.getAudience(), "the issuer when no audience is configured");
        assertEquals("alice", claims.getSubject());
        assertEquals(JWT_CLIENT, claims.getStringClaim("client_id"));
        assertEquals(Date.from(issued), claims.getIssueTime());
        assertEquals(Date.from(issued.plusSeconds(1800)), claims.getExpirationTime());
        assertEquals(22, claims.getJWTID().length(), "128 random bits");
        assertEquals("openid profile", claims.getStringClaim("scope"));
        assertEquals(f.alice.authTime().getEpochSecond(), claims.getLongClaim("auth_time"));
        assertEquals("urn:example:silver", claims.getStringClaim("acr"));
        assertEquals(Set.of("iss", "aud", "sub", "client_id", "iat", "exp", "jti", "scope", "auth_time", "acr"),
                claims.getClaims().keySet(), "nothing else, upn and groups unless configured");

        // the store keeps its hash, with the times the JWT says
        OAuth2Token stored = f.tokens.stored(jwt).orElseThrow();
        assertEquals(Secrets.sha256(jwt), stored.getAccessTokenHash());
        assertEquals(claims.getExpirationTime().toInstant(), stored.getExpiresAt());
        assertEquals("alice", stored.getUsername());

        // and a resource server that knows only RFC 9068 and the published keys accepts it
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(f.publishedKeys())));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(ISSUER, null,
                Set.of("iss", "exp", "aud", "sub", "client_id", "iat", "jti")));
        assertEquals("alice", processor.process(jwt, null).getSubject());
    }

    @Test
    void eachTokenHasItsOwnJti() {
        AccessTokenFixture f = new AccessTokenFixture();
        String first = f.clientCredentials(JWT_CLIENT, "admin").getString("access_token");
        String second = f.clientCredentials(JWT_CLIENT, "admin").getString("access_token");
        assertNotEquals(claimsOf(first).getJWTID(), claimsOf(second).getJWTID());
        assertNotEquals(first, second);
    }

    // §2.2: "sub" of a token issued to the client itself is the client id
    @Test
    void aClientsOwnTokenHasTheClientIdAsSubject() throws Exception {
        AccessTokenFixture f = new AccessTokenFixture();
        Instant issued = f.clock.instant();
        JsonObject response = f.clientCredentials(JWT_CLIENT, "admin");
        assertEquals(1200, response.getInt("expires_in"));
        String jwt = response.getString("access_token");
        JWTClaimsSet claims = claimsOf(jwt);
        assertEquals(JWT_CLIENT, claims.getSubject());
        assertEquals(JWT_CLIENT, claims.getStringClaim("client_id"));
        assertEquals("admin", claims.getStringClaim("scope"));
        assertEquals(Date.from(issued.plusSeconds(1200)), claims.getExpirationTime(), "the grant type's lifetime");
        assertNull(claims.getClaim("auth_time"));
        assertNull(claims.getClaim("acr"));
        assertFalse(response.containsKey("refresh_token"));

        OAuth2Token validated = f.validate(jwt, "admin");
        assertNull(validated.getUsername(), "a client's own token has no resource owner");
        assertEquals(JWT_CLIENT, validated.getClientId());
    }

    @Test
    void implicitAndHybridTokensAreJwtsToo() {
        AccessTokenFixture f = new AccessTokenFixture();
        Map<String, String> implicit = f.authorize(JWT_CLIENT, "token", "profile", true);
        assertEquals("at+jwt", parse(implicit.get("access_token")).getHeader().getType().getType());
        Map<String, String> hybrid = f.authorize(JWT_CLIENT, "code id_token token", "openid profile", true);
        assertEquals("at+jwt", parse(hybrid.get("access_token")).getHeader().getType().getType());
        assertEquals("alice", f.validate(hybrid.get("access_token")).getUsername());
    }

    @Test
    void upnAndGroupsWhenConfigured() throws Exception {
        AccessTokenFixture f = new AccessTokenFixture(JwtAccessTokenSettings.DEFAULT.withUpn(true)
                .withGroups(GroupsRule.prefix("group:")));
        JWTClaimsSet claims = claimsOf(f.codeFlow(JWT_CLIENT, "openid group:staff group:admins")
                .getString("access_token"));
        assertEquals("alice", claims.getStringClaim("upn"));
        assertEquals(List.of("admins", "staff"), claims.getStringListClaim("groups"));

        JWTClaimsSet client = claimsOf(f.clientCredentials(JWT_CLIENT, "admin").getString("access_token"));
        assertEquals(JWT_CLIENT, client.getStringClaim("upn"), "the subject");
        assertEquals(List.of(), client.getStringListClaim("groups"), "no scope value with the prefix");
    }

    @Test
    void groupsAsTheScopeValues() throws Exception {
        AccessTokenFixture f = new AccessTokenFixture(JwtAccessTokenSettings.DEFAULT
                .withGroups(GroupsRule.SCOPE_VALUES));
        JWTClaimsSet claims = claimsOf(f.codeFlow(JWT_CLIENT, "profile admin").getString("access_token"));
        assertEquals(List.of("admin", "profile"), claims.getStringListClaim("groups"));
        assertNull(claims.getClaim("upn"));
    }

    @Test
    void aConfiguredAudience() throws Exception {
        AccessTokenFixture f = new AccessTokenFixture(JwtAccessTokenSettings.DEFAULT
                .withAudience("https://api.example"));
        String jwt = f.codeFlow(JWT_CLIENT, "profile").getString("access_token");
        assertEquals(List.of("https://api.example"), claimsOf(jwt).getAudience());
        assertEquals("alice", f.validate(jwt).getUsername());
    }

    @Test
    void opaqueTokensForTheOtherClientsUnchanged() {
        AccessTokenFixture f = new AccessTokenFixture();
        for (String client : List.of(DEFAULT_CLIENT, OPAQUE_CLIENT)) {
            JsonObject response = f.codeFlow(client, "profile");
            String token = response.getString("access_token");
            assertEquals(43, token.length(), "256 random bits, base64url: " + token);
            assertFalse(token.contains("."));
            OAuth2Token validated = f.validate(token);
            assertEquals("alice", validated.getUsername());
            assertEquals(validated.getAccessTokenHash(), f.tokens.stored(token).orElseThrow().getAccessTokenHash());
            assertEquals(response.getString("refresh_token").length(), 43);
        }
    }

    @Test
    void theServerDefaultAppliesToClientsWithoutAFormat() {
        AccessTokenFixture f = new AccessTokenFixture(JwtAccessTokenSettings.DEFAULT
                .withDefaultFormat(AccessTokenFormat.JWT));
        assertEquals("at+jwt", parse(f.codeFlow(DEFAULT_CLIENT, "profile").getString("access_token"))
                .getHeader().getType().getType());
        assertEquals(43, f.codeFlow(OPAQUE_CLIENT, "profile").getString("access_token").length(),
                "a client that registered opaque keeps opaque tokens");
    }

    @Test
    void registrationValidatesAndKeepsTheFormat() {
        AccessTokenFixture f = new AccessTokenFixture();
        JsonObject registered = AccessTokenFixture.json(register(f, "\"jwt\""));
        assertEquals("jwt", registered.getString("access_token_format"));
        assertEquals(AccessTokenFormat.JWT, AccessTokenFormat.of(f.clients.find(registered.getString("client_id"))
                .orElseThrow(), AccessTokenFormat.OPAQUE));
        assertEquals("opaque", AccessTokenFixture.json(register(f, "\"opaque\"")).getString("access_token_format"));
        for (String wrong : List.of("\"JWT\"", "\"paseto\"", "\"\"", "true", "[\"jwt\"]")) {
            OAuth2Response refused = register(f, wrong);
            assertEquals(400, refused.status(), wrong);
            assertEquals("invalid_client_metadata", AccessTokenFixture.json(refused).getString("error"), wrong);
        }
    }

    private static OAuth2Response register(AccessTokenFixture f, String format) {
        String body = "{\"redirect_uris\":[\"https://app.example/cb\"],\"client_name\":\"App\","
                + "\"access_token_format\":" + format + "}";
        return f.server.createEndpointResponse(RegistrationEndpoint.NAME, OAuth2Request.of("POST",
                ISSUER + "/oauth2/register", Map.of("Content-Type", List.of("application/json")), body,
                "application/json"));
    }

    @Test
    void settingsAndRulesRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> GroupsRule.prefix(""));
        assertThrows(IllegalArgumentException.class, () -> JwtAccessTokenSettings.DEFAULT.withAudience(" "));
        assertThrows(NullPointerException.class, () -> JwtAccessTokenSettings.DEFAULT.withDefaultFormat(null));
        assertEquals(AccessTokenFormat.OPAQUE, JwtAccessTokenSettings.DEFAULT.defaultFormat());
        assertEquals(Set.of("a"), GroupsRule.prefix("g:").groups(Set.of("g:a", "g:", "x:b", "a")));
        assertTrue(AccessTokenFormat.parse("Jwt") == null);
    }
}
