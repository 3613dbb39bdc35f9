package dev.tollgate.example;

import static dev.tollgate.example.Browser.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The contract's "DPoP (RFC 9449)" lines, walked with the Nimbus OAuth 2.0 SDK's {@code DPoPProofFactory}: a
 * DPoP-bound token for {@code demo-dpop} (alice, code flow with PKCE) and for {@code demo-client}; {@code /api/me}
 * and UserInfo with the {@code DPoP} scheme; every refusal at the resource 401 with a {@code DPoP} challenge;
 * {@code dpop_jkt} binding the code; the public client's refresh token bound too. {@link ExampleIT} runs each check.
 */
final class DpopContract {

    static final ClientID DPOP_CLIENT = new ClientID("demo-dpop");

    private final URI base;
    private final OAuth2Contract oauth2;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ECKey key = ec();
    private final DPoPProofFactory proofs = proofs(key);

    DpopContract(URI base) {
        this.base = base;
        this.oauth2 = new OAuth2Contract(base);
    }

    private static ECKey ec() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DPoPProofFactory proofs(ECKey signer) {
        try {
            return new DefaultDPoPProofFactory(signer, JWSAlgorithm.ES256);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void aBoundTokenWorksWithProofsAndOnlyWithThem() throws Exception {
        Tokens tokens = success(token(DPOP_CLIENT, codeGrant(null, new CodeVerifier()), proofs));
        AccessToken accessToken = tokens.getAccessToken();
        assertTrue(accessToken instanceof DPoPAccessToken, "token_type DPoP");

        URI me = endpoint("api/me");
        assertEquals(200, resource(me, "DPoP " + accessToken.getValue(), proof(proofs, "GET", me, accessToken))
                .statusCode());
        URI userInfo = endpoint("oauth2/userinfo");
        HttpResponse<String> claims = resource(userInfo, "DPoP " + accessToken.getValue(),
                proof(proofs, "GET", userInfo, accessToken));
        assertEquals(200, claims.statusCode(), claims.body());
        assertTrue(claims.body().contains("\"sub\":\"alice\""), claims.body());

        assertDpopChallenge(resource(me, "Bearer " + accessToken.getValue(), null), "invalid_token");
        assertDpopChallenge(resource(me, "DPoP " + accessToken.getValue(), null), "invalid_dpop_proof");
        assertDpopChallenge(resource(me, "DPoP " + accessToken.getValue(), proof(proofs, "POST", me, accessToken)),
                "invalid_dpop_proof");
        assertDpopChallenge(resource(me, "DPoP " + accessToken.getValue(), proof(proofs, "GET", userInfo,
                accessToken)), "invalid_dpop_proof");
        assertDpopChallenge(resource(me, "DPoP " + accessToken.getValue(), proof(proofs(ec()), "GET", me,
                accessToken)), "invalid_dpop_proof");
        String once = proof(proofs, "GET", me, accessToken);
        assertEquals(200, resource(me, "DPoP " + accessToken.getValue(), once).statusCode());
        assertDpopChallenge(resource(me, "DPoP " + accessToken.getValue(), once), "invalid_dpop_proof");

        TokenErrorResponse unproved = error(token(DPOP_CLIENT, new RefreshTokenGrant(tokens.getRefreshToken()),
                null));
        assertEquals("invalid_dpop_proof", unproved.getErrorObject().getCode(), "a public client's refresh token");
        Tokens second = success(token(DPOP_CLIENT, codeGrant(null, new CodeVerifier()), proofs));
        Tokens refreshed = success(token(DPOP_CLIENT, new RefreshTokenGrant(second.getRefreshToken()), proofs));
        assertTrue(refreshed.getAccessToken() instanceof DPoPAccessToken);
    }

    void demoDpopWithoutAProofIsRefused() throws Exception {
        TokenErrorResponse refused = error(token(DPOP_CLIENT, codeGrant(null, new CodeVerifier()), null));
        assertEquals("invalid_dpop_proof", refused.getErrorObject().getCode());
    }

    void dpopJktBindsTheCode() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationGrant bound = codeGrant(key.computeThumbprint().toString(), verifier);
        TokenErrorResponse otherKey = error(token(DPOP_CLIENT, bound, proofs(ec())));
        assertEquals("invalid_dpop_proof", otherKey.getErrorObject().getCode());
        Tokens right = success(token(DPOP_CLIENT, codeGrant(key.computeThumbprint().toString(),
                new CodeVerifier()), proofs));
        assertTrue(right.getAccessToken() instanceof DPoPAccessToken);
    }

    void introspectionShowsTheKeyAndTheMetadataTheAlgorithms() throws Exception {
        Tokens tokens = success(token(OAuth2Contract.DEMO_CLIENT, new ClientCredentialsGrant(), proofs));
        HTTPRequest request = new TokenIntrospectionRequest(endpoint("oauth2/introspect"), OAuth2Contract.DEMO_CLIENT,
                tokens.getAccessToken()).toHTTPRequest();
        TokenIntrospectionSuccessResponse introspection = TokenIntrospectionResponse.parse(request.send())
                .toSuccessResponse();
        assertTrue(introspection.isActive());
        assertEquals(key.computeThumbprint(), introspection.getJWKThumbprintConfirmation().getValue());
        assertTrue(oauth2.metadata().getDPoPJWSAlgs().contains(JWSAlgorithm.ES256));
    }

    // ---- helpers ----

    /** Alice's code for demo-dpop, bound to a key when {@code dpopJkt} is given. */
    private AuthorizationGrant codeGrant(String dpopJkt, CodeVerifier verifier) throws Exception {
        Browser alice = Browser.signedIn(base, "alice", "wonderland");
        State state = new State();
        AuthorizationRequest.Builder builder = new AuthorizationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE), DPOP_CLIENT).redirectionURI(URI.create(OAuth2Contract.CALLBACK))
                .scope(new Scope("openid", "profile")).state(state).codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(endpoint("oauth2/authorize"));
        if (dpopJkt != null) {
            builder.customParameter("dpop_jkt", dpopJkt);
        }
        String request = builder.build().toURI().toString();
        HttpResponse<String> page = alice.get(request);
        HttpResponse<String> decided = page.statusCode() == 200
                ? alice.post(request, form("csrf_token", alice.csrfOf(page), "confirm", "true")) : page;
        assertEquals(303, decided.statusCode(), decided.body());
        AuthorizationResponse response = AuthorizationResponse.parse(URI.create(decided.headers()
                .firstValue("Location").orElseThrow()));
        assertTrue(response.indicatesSuccess(), response.toString());
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        return new AuthorizationCodeGrant(code, URI.create(OAuth2Contract.CALLBACK), verifier);
    }

    private TokenResponse token(ClientID client, AuthorizationGrant grant, DPoPProofFactory factory)
            throws Exception {
        return send(new TokenRequest(endpoint("oauth2/token"), client, grant).toHTTPRequest(), factory);
    }

    private TokenResponse token(ClientAuthentication client, AuthorizationGrant grant, DPoPProofFactory factory)
            throws Exception {
        return send(new TokenRequest(endpoint("oauth2/token"), client, grant).toHTTPRequest(), factory);
    }

    private static TokenResponse send(HTTPRequest request, DPoPProofFactory factory) throws Exception {
        if (factory != null) {
            request.setDPoP(factory.createDPoPJWT(request.getMethod().name(), request.getURI()));
        }
        return TokenResponse.parse(request.send());
    }

    private static Tokens success(TokenResponse response) {
        assertTrue(response.indicatesSuccess(),
                () -> response.toErrorResponse().getErrorObject().toJSONObject().toString());
        return response.toSuccessResponse().getTokens();
    }

    private static TokenErrorResponse error(TokenResponse response) {
        assertTrue(!response.indicatesSuccess(), "expected an error");
        return response.toErrorResponse();
    }

    private static String proof(DPoPProofFactory factory, String method, URI uri, AccessToken token)
            throws Exception {
        SignedJWT proof = factory.createDPoPJWT(method, uri, token);
        return proof.serialize();
    }

    private HttpResponse<String> resource(URI uri, String authorization, String proof) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", authorization);
        if (proof != null) {
            request.header("DPoP", proof);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertDpopChallenge(HttpResponse<String> response, String error) {
        assertEquals(401, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("DPoP "), challenge);
        assertTrue(challenge.contains("error=\"" + error + "\""), challenge);
    }

    private URI endpoint(String path) {
        return base.resolve("/" + path);
    }
}
