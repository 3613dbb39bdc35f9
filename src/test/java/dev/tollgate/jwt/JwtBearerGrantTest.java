package dev.tollgate.jwt;

import static dev.tollgate.jwt.JwtFixture.EC;
import static dev.tollgate.jwt.JwtFixture.IDP;
import static dev.tollgate.jwt.JwtFixture.IDP_KEY;
import static dev.tollgate.jwt.JwtFixture.ISSUER;
import static dev.tollgate.jwt.JwtFixture.OTHER_RSA;
import static dev.tollgate.jwt.JwtFixture.PK_CLIENT;
import static dev.tollgate.jwt.JwtFixture.PUBLIC_CLIENT;
import static dev.tollgate.jwt.JwtFixture.RSA;
import static dev.tollgate.jwt.JwtFixture.SECRET;
import static dev.tollgate.jwt.JwtFixture.SECRET_CLIENT;
import static dev.tollgate.jwt.JwtFixture.TOKEN_ENDPOINT;
import static dev.tollgate.jwt.JwtFixture.json;
import static dev.tollgate.jwt.JwtFixture.mac;
import static dev.tollgate.jwt.JwtFixture.params;
import static dev.tollgate.jwt.JwtFixture.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.assertions.jwt.JWTAssertionDetails;
import com.nimbusds.oauth2.sdk.assertions.jwt.JWTAssertionFactory;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.Subject;
import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.OAuth2Token;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The JWT bearer grant (RFC 7523 §2.1, §3). */
class JwtBearerGrantTest {

    private final JwtFixture f = new JwtFixture();

    /** private_key_jwt client authentication of pk-client, as the Nimbus SDK makes it. */
    private static PrivateKeyJWT clientAuthentication() throws Exception {
        return new PrivateKeyJWT(new ClientID(PK_CLIENT), URI.create(TOKEN_ENDPOINT), JWSAlgorithm.RS256,
                RSA.toPrivateKey(), RSA.getKeyID(), null);
    }

    /** A grant assertion the Nimbus SDK makes: 5 minutes, a new jti. */
    private static SignedJWT assertion(String issuer, String subject, JWK key) throws Exception {
        JWTAssertionDetails details = new JWTAssertionDetails(new Issuer(issuer), new Subject(subject),
                new Audience(TOKEN_ENDPOINT));
        return JWTAssertionFactory.create(details, JWSAlgorithm.RS256, key.toRSAKey().toPrivateKey(),
                key.getKeyID(), null, null, null);
    }

    private OAuth2Response grant(SignedJWT assertion) throws Exception {
        return f.token(clientAuthentication(), new JWTBearerGrant(assertion));
    }

    private OAuth2Response grant(String assertion) throws Exception {
        return grant(SignedJWT.parse(assertion));
    }

    private OAuth2Token issued(JsonObject response) {
        return f.tokens.byAccessHash.get(Secrets.sha256(response.getString("access_token")));
    }

    private static void assertInvalidGrant(OAuth2Response response) {
        assertEquals(400, response.status(), response.body());
        assertEquals("invalid_grant", json(response).getString("error"));
    }

    @Test
    void aClientsOwnAssertionGivesATokenForItsSubject() throws Exception {
        OAuth2Response response = grant(assertion(PK_CLIENT, "alice", RSA));
        assertEquals(200, response.status(), response.body());
        JsonObject body = json(response);
        OAuth2Token token = issued(body);
        assertEquals("alice", token.getUsername());
        assertEquals(PK_CLIENT, token.getClientId());
        assertEquals("email profile", body.getString("scope"));
        assertFalse(body.containsKey("refresh_token"), "no refresh token, though the client may refresh");
    }

    @Test
    void anEs256AssertionWorks() throws Exception {
        String assertion = sign(JWSAlgorithm.ES256, EC, f.claims(PK_CLIENT, "bob").build());
        OAuth2Response response = grant(assertion);
        assertEquals(200, response.status(), response.body());
        assertEquals("bob", issued(json(response)).getUsername());
    }

    @Test
    void theScopeIsResolvedAsForEveryGrant() throws Exception {
        OAuth2Response profile = f.server.createTokenResponse(JwtFixture.request(
                new com.nimbusds.oauth2.sdk.TokenRequest(URI.create(TOKEN_ENDPOINT), clientAuthentication(),
                        new JWTBearerGrant(assertion(PK_CLIENT, "alice", RSA)),
                        new com.nimbusds.oauth2.sdk.Scope("profile")).toHTTPRequest()));
        assertEquals("profile", json(profile).getString("scope"), profile.body());
        OAuth2Response unknown = f.server.createTokenResponse(JwtFixture.request(
                new com.nimbusds.oauth2.sdk.TokenRequest(URI.create(TOKEN_ENDPOINT), clientAuthentication(),
                        new JWTBearerGrant(assertion(PK_CLIENT, "alice", RSA)),
                        new com.nimbusds.oauth2.sdk.Scope("admin")).toHTTPRequest()));
        assertEquals("invalid_scope", json(unknown).getString("error"));
    }

    @Test
    void anUnknownSubjectIsInvalidGrant() throws Exception {
        assertInvalidGrant(grant(assertion(PK_CLIENT, "mallory", RSA)));
    }

    @Test
    void anUntrustedIssuerIsInvalidGrant() throws Exception {
        OAuth2Response response = grant(assertion("https://evil.example", "alice", OTHER_RSA));
        assertInvalidGrant(response);
        assertTrue(json(response).getString("error_description").contains("not trusted"));
    }

    @Test
    void anotherClientsAssertionIsNotTrusted() throws Exception {
        // pk-client's own assertion, presented by public-client (which has the same key registered)
        OAuth2Response response = f.token(PUBLIC_CLIENT, new JWTBearerGrant(assertion(PK_CLIENT, "alice", RSA)));
        assertInvalidGrant(response);
    }

    @Test
    void aPublicClientMayPresentItsOwnAssertion() throws Exception {
        OAuth2Response response = f.token(PUBLIC_CLIENT, new JWTBearerGrant(assertion(PUBLIC_CLIENT, "bob", RSA)));
        assertEquals(200, response.status(), response.body());
        assertEquals("bob", issued(json(response)).getUsername());
    }

    @Test
    void aReplayedAssertionIsInvalidGrant() throws Exception {
        SignedJWT assertion = assertion(PK_CLIENT, "alice", RSA);
        assertEquals(200, grant(assertion).status());
        OAuth2Response replay = grant(assertion);
        assertInvalidGrant(replay);
        assertTrue(json(replay).getString("error_description").contains("used already"));
    }

    @Test
    void aTrustedIssuerWorks() throws Exception {
        OAuth2Response response = grant(assertion(IDP, "bob", IDP_KEY));
        assertEquals(200, response.status(), response.body());
        assertEquals("bob", issued(json(response)).getUsername());
    }

    @Test
    void aTrustedIssuerMustSignWithItsKeys() throws Exception {
        assertInvalidGrant(grant(sign(JWSAlgorithm.RS256, OTHER_RSA, f.claims(IDP, "bob").build())));
        assertInvalidGrant(grant(sign(JWSAlgorithm.RS256, RSA, f.claims(IDP, "bob").build())));
    }

    @Test
    void theClientsOwnAssertionMustBeSignedWithItsKeys() throws Exception {
        assertInvalidGrant(grant(sign(JWSAlgorithm.RS256, OTHER_RSA, f.claims(PK_CLIENT, "alice").build())));
    }

    @Test
    void noneAndHmacAreRefused() throws Exception {
        JWTClaimsSet claims = f.claims(PK_CLIENT, "alice").build();
        OAuth2Response none = f.token(params("grant_type", JwtBearerGrant.GRANT_TYPE,
                "assertion", new PlainJWT(claims).serialize(), "client_assertion_type", ClientAssertions.JWT_BEARER,
                "client_assertion", clientAuthentication().getClientAssertion().serialize()));
        assertInvalidGrant(none);
        assertInvalidGrant(grant(mac(JWSAlgorithm.HS256, RSA.toRSAPublicKey().getEncoded(), claims)));
        assertInvalidGrant(grant(mac(JWSAlgorithm.HS256, SECRET.getBytes(StandardCharsets.UTF_8), claims)));
    }

    @Test
    void theClaimsRulesApply() throws Exception {
        assertInvalidGrant(grant(sign(JWSAlgorithm.RS256, RSA, f.claims(PK_CLIENT, "alice")
                .audience("https://other.example").build())));
        assertInvalidGrant(grant(sign(JWSAlgorithm.RS256, RSA, f.claims(PK_CLIENT, "alice").jwtID(null).build())));
        assertInvalidGrant(grant(sign(JWSAlgorithm.RS256, RSA, f.claims(PK_CLIENT, "alice").subject(null).build())));
        assertInvalidGrant(grant(sign(JWSAlgorithm.RS256, RSA, f.claims(PK_CLIENT, "alice")
                .expirationTime(Date.from(f.clock.instant().plus(Duration.ofHours(1)))).build())));
        assertEquals(200, grant(sign(JWSAlgorithm.RS256, RSA, f.claims(PK_CLIENT, "alice").audience(ISSUER)
                .build())).status());
    }

    @Test
    void anExpiredAssertionIsInvalidGrant() throws Exception {
        SignedJWT assertion = assertion(PK_CLIENT, "alice", RSA);
        f.clock.advance(Duration.ofMinutes(7));
        // the client authenticates with a fresh assertion of the fixture's time; the grant's has expired
        OAuth2Response response = f.token(params("grant_type", JwtBearerGrant.GRANT_TYPE,
                "assertion", assertion.serialize(), "client_assertion_type", ClientAssertions.JWT_BEARER,
                "client_assertion", sign(JWSAlgorithm.RS256, RSA, f.claims(PK_CLIENT).build())));
        assertInvalidGrant(response);
        assertEquals("The assertion has expired.", json(response).getString("error_description"));
    }

    @Test
    void aMissingAssertionIsInvalidRequest() throws Exception {
        OAuth2Response response = f.token(params("grant_type", JwtBearerGrant.GRANT_TYPE,
                "client_assertion_type", ClientAssertions.JWT_BEARER,
                "client_assertion", clientAuthentication().getClientAssertion().serialize()));
        assertEquals("invalid_request", json(response).getString("error"));
    }

    @Test
    void theClientStillAuthenticates() throws Exception {
        OAuth2Response response = f.token(params("grant_type", JwtBearerGrant.GRANT_TYPE, "client_id", PK_CLIENT,
                "assertion", assertion(PK_CLIENT, "alice", RSA).serialize()));
        assertEquals(401, response.status(), "pk-client must authenticate with private_key_jwt");
        assertEquals("invalid_client", json(response).getString("error"));
    }

    @Test
    void aClientSecretJwtClientCanPresentATrustedIssuersAssertion() throws Exception {
        OAuth2Response response = f.token(new ClientSecretJWT(new ClientID(SECRET_CLIENT), URI.create(TOKEN_ENDPOINT),
                JWSAlgorithm.HS256, new Secret(SECRET)), new JWTBearerGrant(assertion(IDP, "alice", IDP_KEY)));
        assertEquals(200, response.status(), response.body());
    }

    @Test
    void grantAndClientAssertionsHaveTheirOwnJtis() throws Exception {
        String jti = "one-jti";
        OAuth2Response response = f.token(params("grant_type", JwtBearerGrant.GRANT_TYPE,
                "assertion", sign(JWSAlgorithm.RS256, RSA, f.claims(PK_CLIENT, "alice").jwtID(jti).build()),
                "client_assertion_type", ClientAssertions.JWT_BEARER,
                "client_assertion", sign(JWSAlgorithm.RS256, RSA, f.claims(PK_CLIENT).jwtID(jti).build())));
        assertEquals(200, response.status(), response.body());
        assertEquals(2, f.replays.recorded.size());
    }
}
