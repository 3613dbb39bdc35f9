package dev.tollgate.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.SoftwareStatements;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;

/**
 * The JWT family's parsers of attacker input, fuzzed by Jazzer: request objects (RFC 9101) and software statements
 * (RFC 7591 §2.3), as compact JWTs whose header and claims are the fuzzer's, sometimes validly signed with the key
 * the client or publisher registered. Each may refuse only with an {@link OAuth2Error} of its codes; a request
 * object it accepts names the client and holds no other. {@code mvn test} replays any inputs kept under
 * {@code src/test/resources/dev/tollgate/jwt/JwtFuzzTestInputs/}; {@code .ci/fuzz.sh} fuzzes each target.
 */
class JwtFuzzTest {

    private static final JwtFixture FIXTURE = new JwtFixture();
    private static final RequestObjects REQUEST_OBJECTS = new RequestObjects(FIXTURE.settings,
            AssertionSettings.DEFAULT, FIXTURE.keys, FIXTURE.clock);
    private static final TrustedSoftwareStatements STATEMENTS = new TrustedSoftwareStatements(
            TrustedIssuers.of(Map.of("https://publisher.example", new JWKSet(JwtFixture.RSA))),
            AssertionSettings.DEFAULT, FIXTURE.clock);
    private static final String[] HEADERS = {"{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", "{\"alg\":\"none\"}",
        "{\"alg\":\"HS256\"}", "{\"alg\":\"RS256\",\"typ\":\"oauth-authz-req+jwt\"}", "{\"alg\":\"ES256\"}",
        "{\"alg\":\"RSA-OAEP\",\"enc\":\"A128GCM\"}"};

    @FuzzTest
    void requestObject(FuzzedDataProvider data) {
        String form = FormUrlEncoding.format(Map.of("client_id", JwtFixture.PK_CLIENT, "request", jwt(data)));
        OAuth2Request resolved;
        try {
            OAuth2Request request = OAuth2Request.of("POST", JwtFixture.ISSUER + "/oauth2/authorize", Map.of(), form,
                    FormUrlEncoding.CONTENT_TYPE); // a body: longer objects than a URI holds
            resolved = REQUEST_OBJECTS.resolve(request, FIXTURE.clients.find(JwtFixture.PK_CLIENT).orElseThrow());
        } catch (OAuth2Error refused) {
            assertTrue(Set.of(RequestObjects.INVALID_REQUEST_OBJECT, OAuth2Error.INVALID_REQUEST)
                    .contains(refused.error()), refused.toString());
            assertEquals(400, refused.status());
            assertNull(refused.redirectUri());
            return;
        }
        assertEquals(JwtFixture.PK_CLIENT, resolved.param("client_id"));
        assertNull(resolved.param("request"));
        assertNull(resolved.param("request_uri"));
        assertTrue(resolved.query().size() <= OAuth2Request.MAX_PARAMETERS);
    }

    @FuzzTest
    void softwareStatement(FuzzedDataProvider data) {
        try {
            STATEMENTS.verify(jwt(data));
        } catch (OAuth2Error refused) {
            assertTrue(Set.of(SoftwareStatements.INVALID, SoftwareStatements.UNAPPROVED).contains(refused.error()),
                    refused.toString());
            assertEquals(400, refused.status());
        }
    }

    /** A compact JWT: a header of the fuzzer's choice or text, its claims, signed with the RSA key or not. */
    private static String jwt(FuzzedDataProvider data) {
        String header = data.consumeBoolean() ? data.pickValue(HEADERS) : data.consumeString(200);
        boolean sign = data.consumeBoolean();
        String claims = data.consumeRemainingAsString();
        if (sign) {
            try {
                JWSObject jws = new JWSObject(JWSHeader.parse(header), new Payload(claims));
                jws.sign(new RSASSASigner(JwtFixture.RSA));
                return jws.serialize();
            } catch (ParseException | JOSEException | IllegalArgumentException | IllegalStateException e) {
                // a header Nimbus cannot sign with: sent unsigned below
            }
        }
        return Base64URL.encode(header.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64URL.encode(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
