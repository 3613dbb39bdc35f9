package dev.tollgate.example;

import static dev.tollgate.example.Browser.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.PushedAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * The contract's "Pushed authorization requests (RFC 9126)" lines, walked with the Nimbus OAuth 2.0 SDK's
 * {@code PushedAuthorizationRequest} as {@code demo-par} for alice: a push, the authorization by reference through
 * the consent page and the decision, the code redeemed; the reference used once, only by its client; and
 * {@code demo-par} refused without a push. {@link ExampleIT} runs each check.
 */
final class ParContract {

    static final ClientID PAR_CLIENT = new ClientID("demo-par");
    static final ClientAuthentication PAR_AUTHENTICATION = new ClientSecretBasic(PAR_CLIENT,
            new Secret("demo-par-secret"));

    private final URI base;

    ParContract(URI base) {
        this.base = base;
    }

    void aPushedRequestIsAuthorizedByReferenceOnce() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        PushedAuthorizationSuccessResponse pushed = push(request(verifier, state).build());
        assertTrue(pushed.getRequestURI().toString().startsWith("urn:ietf:params:oauth:request_uri:"));
        assertTrue(pushed.getLifetime() > 0 && pushed.getLifetime() <= 600, "expires_in " + pushed.getLifetime());

        Browser alice = Browser.signedIn(base, "alice", "wonderland");
        String byReference = byReference(PAR_CLIENT, pushed.getRequestURI());
        HttpResponse<String> consent = alice.get(byReference);
        if (consent.statusCode() == 200) { // else alice's consent to demo-par is remembered: the answer comes at once
            assertTrue(consent.body().contains("demo-par"), consent.body());
            assertEquals(200, alice.get(byReference).statusCode(), "the consent page may be read again");
        }
        HttpResponse<String> granted = consent.statusCode() == 200 ? alice.post(byReference, form("csrf_token",
                alice.csrfOf(consent), "confirm", "true")) : consent;
        assertEquals(303, granted.statusCode(), granted.body());
        AuthorizationResponse response = AuthorizationResponse.parse(URI.create(granted.headers()
                .firstValue("Location").orElseThrow()));
        assertTrue(response.indicatesSuccess(), response.toString());
        assertEquals(state, response.getState(), "the pushed state");
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();

        TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(endpoint("oauth2/token"),
                PAR_AUTHENTICATION, new AuthorizationCodeGrant(code, URI.create(OAuth2Contract.CALLBACK), verifier))
                .toHTTPRequest().send());
        assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());
        assertNotNull(((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken(),
                "the pushed scope had openid");

        HttpResponse<String> again = alice.get(byReference);
        assertEquals(400, again.statusCode(), "a request_uri serves one authorization");
        assertTrue(again.body().contains("invalid_request_uri"), again.body());
    }

    void aRequestUriBelongsToTheClientThatPushedIt() throws Exception {
        PushedAuthorizationSuccessResponse pushed = push(request(new CodeVerifier(), new State()).build());
        HttpResponse<String> page = Browser.signedIn(base, "alice", "wonderland")
                .get(byReference(new ClientID("demo-client"), pushed.getRequestURI()));
        assertEquals(400, page.statusCode(), page.body());
        assertTrue(page.body().contains("invalid_request_uri"), page.body());
    }

    void demoParWithoutAPushIsInvalidRequest() throws Exception {
        URI plain = request(new CodeVerifier(), new State()).endpointURI(endpoint("oauth2/authorize")).build().toURI();
        HttpResponse<String> page = Browser.signedIn(base, "alice", "wonderland").get(plain.toString());
        assertEquals(400, page.statusCode(), page.body());
        assertTrue(page.body().contains("invalid_request"), page.body());
    }

    void pushErrorsAreJsonAndTheMetadataNameTheEndpoint() throws Exception {
        HTTPResponse refused = new PushedAuthorizationRequest(endpoint("oauth2/par"), PAR_AUTHENTICATION,
                new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), PAR_CLIENT)
                        .redirectionURI(URI.create("https://attacker.example/cb")).scope(new Scope("openid"))
                        .build()).toHTTPRequest().send();
        assertEquals(400, refused.getStatusCode());
        assertEquals("invalid_request", PushedAuthorizationResponse.parse(refused).toErrorResponse().getErrorObject()
                .getCode());
        OAuth2Contract oauth2 = new OAuth2Contract(base);
        AuthorizationServerMetadata metadata = oauth2.metadata();
        assertEquals(URI.create(oauth2.issuer() + "/oauth2/par"), metadata.getPushedAuthorizationRequestEndpointURI());
        assertFalse(metadata.requiresPushedAuthorizationRequests(), "only demo-par must push");
    }

    private AuthorizationRequest.Builder request(CodeVerifier verifier, State state) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), PAR_CLIENT)
                .redirectionURI(URI.create(OAuth2Contract.CALLBACK)).scope(new Scope("openid", "profile"))
                .state(state).codeChallenge(verifier, CodeChallengeMethod.S256)
                .customParameter("nonce", new Nonce().getValue());
    }

    private PushedAuthorizationSuccessResponse push(AuthorizationRequest request) throws Exception {
        HTTPResponse http = new PushedAuthorizationRequest(endpoint("oauth2/par"), PAR_AUTHENTICATION, request)
                .toHTTPRequest().send();
        assertEquals(201, http.getStatusCode(), http.getBody());
        return PushedAuthorizationResponse.parse(http).toSuccessResponse();
    }

    private String byReference(ClientID client, URI requestUri) {
        return new AuthorizationRequest.Builder(requestUri, client).endpointURI(endpoint("oauth2/authorize")).build()
                .toURI().toString();
    }

    private URI endpoint(String path) {
        return base.resolve("/" + path);
    }
}
