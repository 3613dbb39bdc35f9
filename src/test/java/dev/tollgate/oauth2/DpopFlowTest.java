package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.ALICE;
import static dev.tollgate.oauth2.Fixture.basic;
import static dev.tollgate.oauth2.Fixture.json;
import static dev.tollgate.oauth2.Fixture.params;
import static dev.tollgate.oauth2.Fixture.redirectParams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.dpop.Dpop;
import dev.tollgate.dpop.DpopNonces;
import dev.tollgate.dpop.DpopProofValidator;
import dev.tollgate.dpop.DpopSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** DPoP (RFC 9449) through the core's seams: bound tokens at the token endpoint, and at a protected resource. */
class DpopFlowTest {

    private static final URI TOKEN = URI.create(Fixture.ISSUER + "/oauth2/token");
    private static final URI RESOURCE = URI.create("https://rs.example/api/me");

    private final ECKey key = ec();
    private final ECKey otherKey = ec();
    private final Fixture f = fixture(DpopSettings.DEFAULT);
    private final ResourceProtector protector = f.server.resourceProtector(new BearerSettings(false));

    private static ECKey ec() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Fixture fixture(DpopSettings settings) {
        Map<String, Duration> replays = new ConcurrentHashMap<>();
        return new Fixture(o -> o.builder = b -> {
            DpopNonces nonces = new DpopNonces(() -> "0123456789abcdef0123456789abcdef".getBytes(),
                    settings.nonceLifetime(), b.clock());
            Dpop.install(b, new DpopProofValidator(settings, nonces,
                    (k, lifetime) -> replays.putIfAbsent(k, lifetime) == null, b.clock()));
            return b;
        });
    }

    private String proof(ECKey signer, String method, URI uri, String accessToken, String nonce) {
        try {
            // dated by the fixtures' clock, which starts at 2026-01-01 (the SDK's own date would be the real time)
            return new DefaultDPoPProofFactory(signer, JWSAlgorithm.ES256).createDPoPJWT(new JWTID(), method, uri,
                    Date.from(f.clock.instant()), accessToken == null ? null : new DPoPAccessToken(accessToken),
                    nonce == null ? null : new Nonce(nonce)).serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private OAuth2Response token(Fixture on, Map<String, String> form, String authorization, String proof) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", List.of(authorization));
        }
        if (proof != null) {
            headers.put("DPoP", List.of(proof));
        }
        return on.server.createTokenResponse(OAuth2Request.of("POST", TOKEN.toString(), headers,
                FormUrlEncoding.format(form), FormUrlEncoding.CONTENT_TYPE));
    }

    private JsonObject boundClientToken() {
        OAuth2Response response = token(f, params("grant_type", "client_credentials", "scope", "profile"),
                basic("demo-client", "demo-secret"), proof(key, "POST", TOKEN, null, null));
        assertEquals(200, response.status(), response.body());
        return json(response);
    }

    private OAuth2Request resource(String authorization, String proof) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        headers.put("Authorization", List.of(authorization));
        if (proof != null) {
            headers.put("DPoP", List.of(proof));
        }
        return OAuth2Request.of("GET", RESOURCE.toString(), headers, null, null);
    }

    private void assertDpopRefusal(OAuth2Request request, String error) {
        OAuth2Error refused = assertThrows(OAuth2Error.class, () -> protector.validateRequest(request));
        assertEquals(401, refused.status());
        assertEquals(error, refused.error(), refused.description());
        String challenge = refused.headers().get("WWW-Authenticate");
        assertTrue(challenge.startsWith("DPoP realm="), challenge);
        assertTrue(challenge.contains("algs=\"RS256 PS256 ES256\""), challenge);
    }

    // ---------------------------------------------------------------- the token endpoint

    @Test
    void aProofGivesADpopTokenBoundToItsKey() throws Exception {
        JsonObject token = boundClientToken();
        assertEquals("DPoP", token.getString("token_type"));
        JsonObject introspection = json(f.server.createEndpointResponse(IntrospectionEndpoint.NAME, Fixture.post(
                "/oauth2/introspect", params("token", token.getString("access_token")),
                basic("resource-server", "rs-secret"))));
        assertEquals(key.computeThumbprint().toString(), introspection.getJsonObject("cnf").getString("jkt"));
        assertEquals("DPoP", introspection.getString("token_type"));
    }

    @Test
    void withoutAProofTheTokenIsABearerTokenAsBefore() {
        OAuth2Response response = token(f, params("grant_type", "client_credentials"),
                basic("demo-client", "demo-secret"), null);
        assertEquals("Bearer", json(response).getString("token_type"));
    }

    @Test
    void aBadProofIsInvalidDpopProof() {
        OAuth2Response response = token(f, params("grant_type", "client_credentials"),
                basic("demo-client", "demo-secret"), proof(key, "GET", TOKEN, null, null));
        assertEquals(400, response.status());
        assertEquals(DpopProofValidator.INVALID_DPOP_PROOF, json(response).getString("error"));
    }

    @Test
    void aClientThatMustBindCannotDoWithout() {
        f.clients.add(TestClient.confidential("dpop-client", "dpop-secret", "client_secret_basic")
                .withMetadata(Json.createObjectBuilder().add(Dpop.BOUND_ACCESS_TOKENS, true).build()));
        OAuth2Response response = token(f, params("grant_type", "client_credentials"),
                basic("dpop-client", "dpop-secret"), null);
        assertEquals(DpopProofValidator.INVALID_DPOP_PROOF, json(response).getString("error"));
    }

    @Test
    void aDemandedNonceIsAskedForWithoutCostingTheCode() {
        Fixture demanding = fixture(DpopSettings.DEFAULT.withNonceRequired(true));
        String code = demanding.code("demo-client", "profile", null);
        Map<String, String> redeem = params("grant_type", "authorization_code", "code", code,
                "redirect_uri", Fixture.REDIRECT_URI);
        OAuth2Response asked = token(demanding, redeem, basic("demo-client", "demo-secret"),
                proof(key, "POST", TOKEN, null, null));
        assertEquals(400, asked.status());
        assertEquals(DpopProofValidator.USE_DPOP_NONCE, json(asked).getString("error"));
        String nonce = asked.header("DPoP-Nonce");
        OAuth2Response granted = token(demanding, redeem, basic("demo-client", "demo-secret"),
                proof(key, "POST", TOKEN, null, nonce));
        assertEquals(200, granted.status(), granted.body());
        assertEquals("DPoP", json(granted).getString("token_type"));
    }

    // ---------------------------------------------------------------- §10 dpop_jkt and §5 public refresh tokens

    private String boundCode(String clientId, ECKey bindTo) throws Exception {
        Map<String, String> query = params("response_type", "code", "client_id", clientId, "redirect_uri",
                Fixture.REDIRECT_URI, "state", "s", "code_challenge", Fixture.CHALLENGE,
                "code_challenge_method", "S256", "dpop_jkt", bindTo.computeThumbprint().toString());
        return redirectParams(f.server.createAuthorizationResponse(Fixture.authorizeRequest(query), ALICE), false)
                .get("code");
    }

    private Map<String, String> redeem(String clientId, String code) {
        return params("grant_type", "authorization_code", "client_id", clientId, "code", code, "redirect_uri",
                Fixture.REDIRECT_URI, "code_verifier", Fixture.VERIFIER);
    }

    @Test
    void aBoundCodeNeedsAProofByItsKey() throws Exception {
        OAuth2Response withoutProof = token(f, redeem("demo-public", boundCode("demo-public", key)), null, null);
        assertEquals(DpopProofValidator.INVALID_DPOP_PROOF, json(withoutProof).getString("error"));
        OAuth2Response otherKey = token(f, redeem("demo-public", boundCode("demo-public", key)), null,
                proof(this.otherKey, "POST", TOKEN, null, null));
        assertEquals(DpopProofValidator.INVALID_DPOP_PROOF, json(otherKey).getString("error"));
        OAuth2Response right = token(f, redeem("demo-public", boundCode("demo-public", key)), null,
                proof(key, "POST", TOKEN, null, null));
        assertEquals("DPoP", json(right).getString("token_type"), right.body());
    }

    @Test
    void aPublicClientsRefreshTokenIsBoundToo() throws Exception {
        JsonObject first = json(token(f, redeem("demo-public", boundCode("demo-public", key)), null,
                proof(key, "POST", TOKEN, null, null)));
        Map<String, String> refresh = params("grant_type", "refresh_token", "client_id", "demo-public",
                "refresh_token", first.getString("refresh_token"));
        OAuth2Response byAnotherKey = token(f, refresh, null, proof(otherKey, "POST", TOKEN, null, null));
        assertEquals(DpopProofValidator.INVALID_DPOP_PROOF, json(byAnotherKey).getString("error"));

        JsonObject second = json(token(f, redeem("demo-public", boundCode("demo-public", key)), null,
                proof(key, "POST", TOKEN, null, null)));
        OAuth2Response refreshed = token(f, params("grant_type", "refresh_token", "client_id", "demo-public",
                "refresh_token", second.getString("refresh_token")), null, proof(key, "POST", TOKEN, null, null));
        assertEquals(200, refreshed.status(), refreshed.body());
        assertEquals("DPoP", json(refreshed).getString("token_type"));
    }

    @Test
    void dpopJktIsForCodesOnly() throws Exception {
        Map<String, String> query = params("response_type", "token", "client_id", "demo-client", "redirect_uri",
                Fixture.REDIRECT_URI, "state", "s", "dpop_jkt", key.computeThumbprint().toString());
        OAuth2Error error = assertThrows(OAuth2Error.class, () -> f.server.validateConsentRequest(
                Fixture.authorizeRequest(query)));
        assertEquals("invalid_request", error.error());
    }

    // ---------------------------------------------------------------- the resource

    @Test
    void aBoundTokenWithAProofOfItsKeyIsAccepted() {
        String token = boundClientToken().getString("access_token");
        OAuth2Token validated = protector.validateRequest(resource("DPoP " + token,
                proof(key, "GET", RESOURCE, token, null)));
        assertEquals("demo-client", validated.getClientId());
    }

    @Test
    void aBoundTokenSentAsBearerIsRefusedWithADpopChallenge() {
        String token = boundClientToken().getString("access_token");
        assertDpopRefusal(resource("Bearer " + token, null), OAuth2Error.INVALID_TOKEN);
    }

    @Test
    void badProofsAtTheResourceAre401WithADpopChallenge() {
        String token = boundClientToken().getString("access_token");
        assertDpopRefusal(resource("DPoP " + token, null), DpopProofValidator.INVALID_DPOP_PROOF);
        assertDpopRefusal(resource("DPoP " + token, proof(key, "POST", RESOURCE, token, null)),
                DpopProofValidator.INVALID_DPOP_PROOF);
        assertDpopRefusal(resource("DPoP " + token, proof(key, "GET", URI.create("https://rs.example/other"),
                token, null)), DpopProofValidator.INVALID_DPOP_PROOF);
        assertDpopRefusal(resource("DPoP " + token, proof(key, "GET", RESOURCE, null, null)),
                DpopProofValidator.INVALID_DPOP_PROOF); // no ath
        assertDpopRefusal(resource("DPoP " + token, proof(otherKey, "GET", RESOURCE, token, null)),
                DpopProofValidator.INVALID_DPOP_PROOF);
        String once = proof(key, "GET", RESOURCE, token, null);
        protector.validateRequest(resource("DPoP " + token, once));
        assertDpopRefusal(resource("DPoP " + token, once), DpopProofValidator.INVALID_DPOP_PROOF);
    }

    @Test
    void aBearerTokenSentAsDpopIsRefused() {
        String bearer = json(token(f, params("grant_type", "client_credentials"), basic("demo-client", "demo-secret"),
                null)).getString("access_token");
        assertDpopRefusal(resource("DPoP " + bearer, proof(key, "GET", RESOURCE, bearer, null)),
                OAuth2Error.INVALID_TOKEN);
        assertFalse(protector.validateRequest(resource("Bearer " + bearer, null)).getAttributes()
                .containsKey(OAuth2Token.JWK_THUMBPRINT));
    }

    @Test
    void theMetadataNameTheAlgorithms() {
        JsonObject metadata = MetadataEndpoint.metadata(f.settings, f.server.capabilities());
        assertEquals(List.of("RS256", "PS256", "ES256"), metadata.getJsonArray("dpop_signing_alg_values_supported")
                .getValuesAs(jakarta.json.JsonString::getString));
    }
}
