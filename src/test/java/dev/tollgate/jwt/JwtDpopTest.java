package dev.tollgate.jwt;

import static dev.tollgate.jwt.AccessTokenFixture.JWT_CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.common.JsonSupport;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A DPoP-bound RFC 9068 access token: {@code cnf.jkt} in the JWT (RFC 9449 §6.1), read back without the store. */
class JwtDpopTest {

    private static final URI RESOURCE = URI.create("https://rs.example/api/me");

    private final AccessTokenFixture f = new AccessTokenFixture();
    private final ECKey key = key();

    private static ECKey key() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String proof(String method, URI uri, String accessToken) throws Exception {
        return new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256).createDPoPJWT(new JWTID(), method, uri,
                Date.from(f.clock.instant()), accessToken == null ? null : new DPoPAccessToken(accessToken), null)
                .serialize();
    }

    @Test
    void aBoundJwtCarriesTheThumbprintAndIsAcceptedOnlyWithAProof() throws Exception {
        URI token = URI.create(AccessTokenFixture.ISSUER + "/oauth2/token");
        OAuth2Response response = f.server.createTokenResponse(OAuth2Request.of("POST", token.toString(),
                Map.of("Authorization", List.of("Basic " + Base64.getEncoder().encodeToString(
                        (JWT_CLIENT + ":" + AccessTokenFixture.SECRET).getBytes())), "DPoP",
                        List.of(proof("POST", token, null))),
                FormUrlEncoding.format(Map.of("grant_type", "client_credentials")), FormUrlEncoding.CONTENT_TYPE));
        JsonObject body = JsonSupport.parse(response.body()).asJsonObject();
        assertEquals("DPoP", body.getString("token_type"), response.body());
        String jwt = body.getString("access_token");
        assertEquals(key.computeThumbprint().toString(), SignedJWT.parse(jwt).getJWTClaimsSet()
                .getJSONObjectClaim("cnf").get("jkt"));

        OAuth2Request withProof = OAuth2Request.of("GET", RESOURCE.toString(), Map.of("Authorization",
                List.of("DPoP " + jwt), "DPoP", List.of(proof("GET", RESOURCE, jwt))), null, null);
        assertEquals(JWT_CLIENT, f.protector.validateRequest(withProof).getClientId());
        OAuth2Error asBearer = assertThrows(OAuth2Error.class, () -> f.protector.validateRequest(OAuth2Request.of(
                "GET", RESOURCE.toString(), Map.of("Authorization", List.of("Bearer " + jwt)), null, null)));
        assertEquals(401, asBearer.status());
        assertEquals("invalid_token", asBearer.error());
    }
}
