package dev.tollgate.jwt;

import static dev.tollgate.jwt.AccessTokenFixture.ISSUER;
import static dev.tollgate.jwt.AccessTokenFixture.JWT_CLIENT;
import static dev.tollgate.jwt.AccessTokenFixture.OPAQUE_CLIENT;
import static dev.tollgate.jwt.AccessTokenFixture.claimsOf;
import static dev.tollgate.jwt.AccessTokenFixture.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Token;
import dev.tollgate.oidc.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Date;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** RFC 9068 §4: a JWT access token validated without a store read, and every kind of wrong one refused. */
class JwtAccessTokenValidationTest {

    private final AccessTokenFixture f = new AccessTokenFixture();

    @Test
    void validatedWithoutReadingTheStore() throws Exception {
        String jwt = f.codeFlow(JWT_CLIENT, "openid profile").getString("access_token");
        f.tokens.failReads = true;
        OAuth2Token token = f.validate(jwt, "profile");
        JwtAccessToken view = assertInstanceOf(JwtAccessToken.class, token);
        assertEquals(Secrets.sha256(jwt), token.getAccessTokenHash(), "the hash the store keys it by");
        assertEquals("alice", token.getUsername());
        assertEquals(JWT_CLIENT, token.getClientId());
        assertEquals("openid profile", token.getScope());
        assertEquals(f.clock.instant(), token.getIssuedAt());
        assertEquals(f.clock.instant().plusSeconds(1800), token.getExpiresAt());
        assertEquals(f.alice.authTime(), token.getAuthTime());
        assertNull(token.getRefreshTokenHash());
        assertFalse(token.isRevoked());
        assertEquals("urn:example:silver", view.claims().getStringClaim("acr"));

        OAuth2Error scope = assertThrows(OAuth2Error.class, () -> f.validate(jwt, "admin"));
        assertEquals(403, scope.status());
        assertEquals("insufficient_scope", scope.error());
    }

    @Test
    void opaqueTokensAreStillLookedUpInTheStore() {
        String opaque = f.codeFlow(OPAQUE_CLIENT, "profile").getString("access_token");
        assertEquals("alice", f.validate(opaque).getUsername());
        f.tokens.failReads = true;
        assertThrows(AssertionError.class, () -> f.validate(opaque), "read from the store");
    }

    @Test
    void anIdTokenIsNotAnAccessToken() throws Exception {
        String idToken = f.codeFlow(JWT_CLIENT, "openid profile").getString("id_token");
        f.tokens.failReads = true;
        assertInvalid(f.refusal(idToken));
        // even one that says all an access token says, signed by this server, but typed as JWT
        JWTClaimsSet accessTokenClaims = claimsOf(f.codeFlow(JWT_CLIENT, "profile").getString("access_token"));
        String typedJwt = new Jwts(f.keys).sign(JWSAlgorithm.RS256, JOSEObjectType.JWT, accessTokenClaims);
        assertInvalid(f.refusal(typedJwt));
        String untyped = new Jwts(f.keys).sign(JWSAlgorithm.RS256, null, accessTokenClaims);
        assertInvalid(f.refusal(untyped));
        String applicationType = new Jwts(f.keys).sign(JWSAlgorithm.RS256, new JOSEObjectType("application/at+jwt"),
                accessTokenClaims);
        assertEquals("alice", f.validate(applicationType).getUsername(), "§4: application/at+jwt is the same type");
    }

    @Test
    void wrongIssuerAudienceOrMissingClaims() {
        String jwt = f.codeFlow(JWT_CLIENT, "profile").getString("access_token");
        f.tokens.failReads = true;
        assertEquals("alice", f.validate(resigned(jwt, c -> c)).getUsername(), "re-signed unchanged: accepted");
        assertInvalid(f.refusal(resigned(jwt, c -> c.issuer("https://other.example"))));
        assertInvalid(f.refusal(resigned(jwt, c -> c.audience("https://api.example"))));
        assertInvalid(f.refusal(resigned(jwt, c -> c.audience((String) null))));
        for (String claim : new String[] {"sub", "client_id", "iat", "exp", "jti"}) {
            assertInvalid(f.refusal(resigned(jwt, c -> c.claim(claim, null))));
        }
        assertInvalid(f.refusal(resigned(jwt, c -> c.claim("client_id", 42))));
        assertInvalid(f.refusal(resigned(jwt, c -> c.claim("scope", "profile \"admin"))));
    }

    @Test
    void anAudienceAmongOthersIsEnough() {
        String jwt = f.codeFlow(JWT_CLIENT, "profile").getString("access_token");
        assertEquals("alice", f.validate(resigned(jwt, c -> c.audience(java.util.List.of("https://api.example",
                ISSUER)))).getUsername());
    }

    @Test
    void expiredOrNotYetValid() {
        String jwt = f.codeFlow(JWT_CLIENT, "profile").getString("access_token");
        f.tokens.failReads = true;
        assertInvalid(f.refusal(resigned(jwt, c -> c.notBeforeTime(Date.from(f.clock.instant().plusSeconds(60))))));
        assertEquals("alice", f.validate(resigned(jwt, c -> c.notBeforeTime(Date.from(f.clock.instant()))))
                .getUsername());
        f.clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertEquals("alice", f.validate(jwt).getUsername());
        f.clock.advance(Duration.ofSeconds(1));
        assertInvalid(f.refusal(jwt));
    }

    @Test
    void signedByAKeyThatIsNotPublished() throws Exception {
        String jwt = f.codeFlow(JWT_CLIENT, "profile").getString("access_token");
        f.tokens.failReads = true;
        JWTClaimsSet claims = claimsOf(jwt);
        RSAKey stranger = AccessTokenFixture.rsa("k1"); // the published key's kid, another key
        assertInvalid(f.refusal(sign(stranger, claims)));
        assertInvalid(f.refusal(sign(new RSAKey.Builder(stranger).keyID("k2").build(), claims)));
        assertInvalid(f.refusal(sign(new RSAKey.Builder(stranger).keyID(null).build(), claims)));
    }

    @Test
    void algNone() {
        String jwt = f.codeFlow(JWT_CLIENT, "profile").getString("access_token");
        f.tokens.failReads = true;
        String unsecured = new PlainJWT(new PlainHeader.Builder().type(new JOSEObjectType("at+jwt")).build(),
                claimsOf(jwt)).serialize();
        assertTrue(unsecured.endsWith("."));
        assertInvalid(f.refusal(unsecured));
        // "none" with a kid and a signature part
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"k1\"}").toString();
        String[] parts = jwt.split("\\.");
        assertInvalid(f.refusal(header + "." + parts[1] + "." + parts[2]));
    }

    @Test
    void anHmacWithThePublicKeyAsSecret() throws Exception {
        String jwt = f.codeFlow(JWT_CLIENT, "profile").getString("access_token");
        f.tokens.failReads = true;
        String input = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").type(new JOSEObjectType("at+jwt"))
                .build().toBase64URL() + "." + Base64URL.encode(claimsOf(jwt).toString());
        byte[] secret = AccessTokenFixture.KEY.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        assertInvalid(f.refusal(input + "." + Base64URL.encode(hmac(secret, input))));
        byte[] encoded = AccessTokenFixture.KEY.toRSAPublicKey().getEncoded();
        assertInvalid(f.refusal(input + "." + Base64URL.encode(hmac(encoded, input))));
    }

    @Test
    void aTamperedPayload() {
        String jwt = f.codeFlow(JWT_CLIENT, "profile").getString("access_token");
        f.tokens.failReads = true;
        String[] parts = jwt.split("\\.");
        JWTClaimsSet wider = new JWTClaimsSet.Builder(claimsOf(jwt)).claim("scope", "profile admin")
                .subject("bob").build();
        assertInvalid(f.refusal(parts[0] + "." + Base64URL.encode(wider.toString()) + "." + parts[2]));
        assertInvalid(f.refusal(parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)));
        assertInvalid(f.refusal(parts[0] + "." + parts[1] + "."));
        assertInvalid(f.refusal("a.b.c"));
        f.tokens.failReads = false; // not three parts: not a JWT, so looked up in the store, and unknown there
        assertInvalid(f.refusal(jwt + ".x"));
    }

    @Test
    void aTooLongTokenIsNotParsed() {
        f.tokens.failReads = true;
        String jwt = f.codeFlow(JWT_CLIENT, "profile").getString("access_token");
        assertInvalid(f.refusal(resigned(jwt, c -> c.claim("padding", "x".repeat(20_000)))));
    }

    // ---------------------------------------------------------------- helpers

    private static void assertInvalid(OAuth2Error error) {
        assertEquals(401, error.status());
        assertEquals("invalid_token", error.error());
    }

    /** The token's claims, changed, signed again by the server's own key with the at+jwt type. */
    private String resigned(String jwt, UnaryOperator<JWTClaimsSet.Builder> change) {
        return new Jwts(f.keys).sign(JWSAlgorithm.RS256, JwtAccessTokenGenerator.AT_JWT,
                change.apply(new JWTClaimsSet.Builder(claimsOf(jwt))).build());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static byte[] hmac(byte[] key, String input) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void theParsedHeaderOfTheFixture() {
        assertEquals("k1", parse(f.clientCredentials(JWT_CLIENT, "admin").getString("access_token")).getHeader()
                .getKeyID());
    }
}
