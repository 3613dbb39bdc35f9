package dev.tollgate.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.tollgate.oauth2.InMemoryClientStore;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.OAuth2Server;
import dev.tollgate.oauth2.RegistrationEndpoint;
import dev.tollgate.oauth2.RegistrationSettings;
import dev.tollgate.oauth2.SoftwareStatements;
import dev.tollgate.oauth2.TokenSettings;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registration with a software statement (RFC 7591 §2.3, §3.2). */
class SoftwareStatementTest {

    private static final String PUBLISHER = "https://publisher.example";

    private final JwtFixture f = new JwtFixture();
    private final InMemoryClientStore clients = new InMemoryClientStore();
    private final OAuth2Server server = server(RegistrationSettings.OPEN.withSoftwareStatements(
            new TrustedSoftwareStatements(TrustedIssuers.of(Map.of(PUBLISHER, new JWKSet(JwtFixture.IDP_KEY))),
                    AssertionSettings.DEFAULT, f.clock)));

    @Test
    void theStatementsMetadataWinAndItIsReturnedUnmodified() {
        String statement = signed(statement().build());
        OAuth2Response response = register(server, "{\"client_name\":\"Mine\",\"software_statement\":\""
                + statement + "\",\"redirect_uris\":[\"https://client.example/other\"]}");
        assertEquals(201, response.status(), response.body());
        JsonObject client = JwtFixture.json(response.body());
        assertEquals("Approved App", client.getString("client_name"), "§2.3: the statement takes precedence");
        assertEquals(List.of("https://app.example/cb"), client.getJsonArray("redirect_uris")
                .getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(statement, client.getString("software_statement"), "§3.2.1");
        assertFalse(client.containsKey("iss"), "the JWT's own claims are not metadata");
    }

    @Test
    void anIssuerNotTrustedIsUnapproved() {
        String statement = JwtFixture.sign(JWSAlgorithm.RS256, JwtFixture.IDP_KEY,
                statement().issuer("https://elsewhere.example").build());
        assertEquals(SoftwareStatements.UNAPPROVED, error(server, statement));
    }

    @Test
    void aStatementSignedWithAnotherKeyIsInvalid() {
        assertEquals(SoftwareStatements.INVALID, error(server, JwtFixture.sign(JWSAlgorithm.RS256, JwtFixture.RSA,
                statement().build())));
    }

    @Test
    void anUnsignedStatementIsInvalid() {
        assertEquals(SoftwareStatements.INVALID, error(server, new PlainJWT(statement().build()).serialize()));
    }

    @Test
    void aStatementWithoutIssIsInvalid() {
        assertEquals(SoftwareStatements.INVALID, error(server, signed(statement().issuer(null).build())));
    }

    @Test
    void anExpiredStatementIsInvalid() {
        String statement = signed(statement().expirationTime(Date.from(f.clock.instant().plusSeconds(10))).build());
        f.clock.advance(Duration.ofSeconds(71));
        assertEquals(SoftwareStatements.INVALID, error(server, statement));
    }

    @Test
    void anHmacStatementIsInvalid() {
        assertEquals(SoftwareStatements.INVALID, error(server, JwtFixture.mac(JWSAlgorithm.HS256,
                JwtFixture.IDP_KEY.toPublicJWK().toJSONString().getBytes(), statement().build())));
    }

    @Test
    void byDefaultEveryStatementIsUnapproved() {
        assertEquals(SoftwareStatements.UNAPPROVED, error(server(RegistrationSettings.OPEN),
                signed(statement().build())));
    }

    @Test
    void aStatementThatIsNotAStringIsInvalidMetadata() {
        OAuth2Response response = register(server, "{\"software_statement\":{\"iss\":\"" + PUBLISHER + "\"}}");
        assertEquals("invalid_client_metadata", JwtFixture.json(response.body()).getString("error"));
    }

    @Test
    void anUpdateMayCarryAStatementToo() {
        JsonObject client = JwtFixture.json(register(server, "{\"redirect_uris\":[\"https://client.example/cb\"]}")
                .body());
        String statement = signed(statement().build());
        OAuth2Response updated = server.createEndpointResponse(RegistrationEndpoint.NAME, OAuth2Request.of("PUT",
                client.getString("registration_client_uri"), Map.of("Authorization", List.of("Bearer "
                        + client.getString("registration_access_token"))), "{\"client_id\":\""
                        + client.getString("client_id") + "\",\"software_statement\":\"" + statement + "\"}",
                "application/json"));
        assertEquals(200, updated.status(), updated.body());
        assertEquals("Approved App", JwtFixture.json(updated.body()).getString("client_name"));
    }

    private JWTClaimsSet.Builder statement() {
        return new JWTClaimsSet.Builder().issuer(PUBLISHER).issueTime(Date.from(f.clock.instant()))
                .claim("software_id", "4NRB1-0XZABZI9E6-5SM3R").claim("client_name", "Approved App")
                .claim("redirect_uris", List.of("https://app.example/cb"));
    }

    private static String signed(JWTClaimsSet claims) {
        return JwtFixture.sign(JWSAlgorithm.RS256, JwtFixture.IDP_KEY, claims);
    }

    private String error(OAuth2Server target, String statement) {
        OAuth2Response response = register(target, "{\"software_statement\":\"" + statement + "\"}");
        assertEquals(400, response.status(), response.body());
        return JwtFixture.json(response.body()).getString("error");
    }

    private static OAuth2Response register(OAuth2Server target, String json) {
        return target.createEndpointResponse(RegistrationEndpoint.NAME, OAuth2Request.of("POST",
                JwtFixture.ISSUER + "/oauth2/register", Map.of(), json, "application/json"));
    }

    private OAuth2Server server(RegistrationSettings registration) {
        return OAuth2Server.builder(f.settings, TokenSettings.DEFAULT, clients, f.tokens, f.clock)
                .standardGrants(new dev.tollgate.oauth2.InMemoryAuthorizationCodeStore(),
                        (username, password) -> java.util.Optional.empty(), dev.tollgate.oauth2.GrantSettings.DEFAULT,
                        dev.tollgate.oauth2.PkceSettings.DEFAULT)
                .standardEndpoints(registration)
                .build();
    }
}
