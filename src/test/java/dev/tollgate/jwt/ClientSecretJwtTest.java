package dev.tollgate.jwt;

import static dev.tollgate.jwt.JwtFixture.PK_CLIENT;
import static dev.tollgate.jwt.JwtFixture.RSA;
import static dev.tollgate.jwt.JwtFixture.SECRET;
import static dev.tollgate.jwt.JwtFixture.SECRET_CLIENT;
import static dev.tollgate.jwt.JwtFixture.SHORT_SECRET;
import static dev.tollgate.jwt.JwtFixture.SHORT_SECRET_CLIENT;
import static dev.tollgate.jwt.JwtFixture.TOKEN_ENDPOINT;
import static dev.tollgate.jwt.JwtFixture.json;
import static dev.tollgate.jwt.JwtFixture.mac;
import static dev.tollgate.jwt.JwtFixture.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.tollgate.common.JsonSupport;
import dev.tollgate.oauth2.OAuth2Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code client_secret_jwt} (RFC 7523 §2.2, OpenID Connect Core §9): an HMAC keyed with the client secret. */
class ClientSecretJwtTest {

    private final JwtFixture f = new JwtFixture();

    private static void assertOk(OAuth2Response response) {
        assertEquals(200, response.status(), response.body());
    }

    private static void assertInvalidClient(OAuth2Response response) {
        assertEquals(401, response.status(), response.body());
        assertEquals("invalid_client", json(response).getString("error"));
        assertTrue(response.header("WWW-Authenticate").startsWith("client_secret_jwt realm="),
                response.headers().toString());
    }

    private static byte[] bytes(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hs256Hs384AndHs512MadeByTheNimbusSdkAuthenticate() throws Exception {
        for (JWSAlgorithm algorithm : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512)) {
            assertOk(f.clientCredentials(new ClientSecretJWT(new ClientID(SECRET_CLIENT), URI.create(TOKEN_ENDPOINT),
                    algorithm, new Secret(SECRET))));
        }
    }

    @Test
    void aWrongSecretIsRefused() {
        assertInvalidClient(f.clientCredentials(mac(JWSAlgorithm.HS256, bytes(SECRET.replace('0', '1')),
                f.claims(SECRET_CLIENT).build())));
    }

    @Test
    void aSecretShorterThanTheHashIsRefused() {
        // 20 bytes: too short for HS256, though the HMAC is right
        assertInvalidClient(f.clientCredentials(mac(JWSAlgorithm.HS256, bytes(SHORT_SECRET),
                f.claims(SHORT_SECRET_CLIENT).build())));

        String forty = "x".repeat(40); // enough for HS256, not for HS384 (48) or HS512 (64)
        f.clients.add(new JwtFixture.Client("forty", forty, "client_secret_jwt", Set.of("client_credentials"),
                JsonSupport.parse("{}").asJsonObject()));
        assertOk(f.clientCredentials(mac(JWSAlgorithm.HS256, bytes(forty), f.claims("forty").build())));
        assertInvalidClient(f.clientCredentials(mac(JWSAlgorithm.HS384, bytes(forty), f.claims("forty").build())));
        assertInvalidClient(f.clientCredentials(mac(JWSAlgorithm.HS512, bytes(forty), f.claims("forty").build())));
    }

    @Test
    void aClientWhoseSecretIsNotHeldCannotUseIt() {
        f.clients.add(new JwtFixture.Client("hash-only", null, "client_secret_jwt", Set.of("client_credentials"),
                JsonSupport.parse("{}").asJsonObject()));
        assertInvalidClient(f.clientCredentials(mac(JWSAlgorithm.HS256, new byte[32], f.claims("hash-only").build())));
    }

    @Test
    void anAssertionSignedWithAKeyIsNotThisMethods() {
        // routed to private_key_jwt by its alg, then held to client_secret_jwt
        OAuth2Response response = f.clientCredentials(sign(JWSAlgorithm.RS256, RSA, f.claims(SECRET_CLIENT).build()));
        assertEquals(401, response.status());
        assertEquals("invalid_client", json(response).getString("error"));
    }

    @Test
    void algNoneIsRefused() {
        OAuth2Response response = f.clientCredentials(new PlainJWT(f.claims(SECRET_CLIENT).build()).serialize());
        assertEquals(401, response.status());
        assertEquals("invalid_client", json(response).getString("error"));
    }

    @Test
    void aPrivateKeyJwtClientCannotUseAnHmac() {
        // even one keyed with the bytes of a secret it might share: it is held to private_key_jwt
        OAuth2Response response = f.clientCredentials(mac(JWSAlgorithm.HS256, bytes(SECRET), f.claims(PK_CLIENT)
                .build()));
        assertInvalidClient(response);
    }

    @Test
    void aReplayedAssertionIsRefused() throws Exception {
        ClientSecretJWT sdk = new ClientSecretJWT(new ClientID(SECRET_CLIENT), URI.create(TOKEN_ENDPOINT),
                JWSAlgorithm.HS256, new Secret(SECRET));
        assertOk(f.clientCredentials(sdk));
        assertInvalidClient(f.clientCredentials(sdk));
    }

    @Test
    void theSameClaimsRulesApply() {
        assertInvalidClient(f.clientCredentials(mac(JWSAlgorithm.HS256, bytes(SECRET), f.claims(SECRET_CLIENT)
                .audience("https://other.example").build())));
        assertInvalidClient(f.clientCredentials(mac(JWSAlgorithm.HS256, bytes(SECRET), f.claims(SECRET_CLIENT)
                .jwtID(null).build())));
        assertInvalidClient(f.clientCredentials(mac(JWSAlgorithm.HS256, bytes(SECRET), f.claims(SECRET_CLIENT, "x")
                .build())));
    }
}
