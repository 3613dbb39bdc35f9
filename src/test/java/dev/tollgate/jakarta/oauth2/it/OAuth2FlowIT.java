package dev.tollgate.jakarta.oauth2.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.tollgate.testing.Concurrently;
import dev.tollgate.testing.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OAuth 2.0 server on Payara Micro, driven over HTTP by an independent client library (the Nimbus
 * OAuth 2.0 SDK): every grant, the bearer filter, revocation, introspection, metadata and registration,
 * single use under concurrency, with the application's own client entity.
 */
@ExtendWith(ArquillianExtension.class)
class OAuth2FlowIT {

    private static final int THREADS = 32;
    private static final ClientAuthentication APP =
            new ClientSecretBasic(new ClientID("app"), new Secret("app-secret"));
    private static final ClientAuthentication API = new ClientSecretPost(new ClientID("api"), new Secret("api-secret"));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.library("oauth2.war")
                .addPackage(OAuth2FlowIT.class.getPackage())
                .addAsResource("oauth2-it/persistence.xml", "META-INF/persistence.xml")
                .setWebXML("oauth2-it/web.xml");
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void authorizationCodeWithPkceThenResource() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = authorize("app", verifier, "alice");
        Tokens tokens = success(token(APP, new AuthorizationCodeGrant(code, URI.create(AppSetup.CALLBACK), verifier)));
        JsonObject me = json(me(tokens.getAccessToken()));
        assertEquals("alice", me.getString("username"));
        assertEquals("app", me.getString("client_id"));
        assertEquals("profile", me.getString("scope"));
    }

    @Test
    void publicClientMustUsePkce() throws Exception {
        State state = new State();
        URI request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID("spa"))
                .redirectionURI(URI.create(AppSetup.CALLBACK)).scope(new Scope("profile")).state(state)
                .endpointURI(endpoint("oauth2/authorize")).build().toURI();
        HttpResponse<String> response = send(HttpRequest.newBuilder(request).build());
        assertEquals(303, response.statusCode());
        AuthorizationResponse parsed = AuthorizationResponse.parse(URI.create(location(response)));
        assertFalse(parsed.indicatesSuccess());
        assertEquals("invalid_request", parsed.toErrorResponse().getErrorObject().getCode());
        assertEquals(state, parsed.getState());
        assertEquals(AppSetup.ISSUER, parsed.getIssuer().getValue());
    }

    @Test
    void unregisteredRedirectUriIsNeverFollowed() throws Exception {
        URI request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID("app"))
                .redirectionURI(URI.create("https://attacker.example/cb")).scope(new Scope("profile"))
                .endpointURI(endpoint("oauth2/authorize")).build().toURI();
        HttpResponse<String> response = send(HttpRequest.newBuilder(request).build());
        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isEmpty());
    }

    @Test
    void deniedConsentRedirectsWithAccessDenied() throws Exception {
        URI request = authorizationRequest("app", new CodeVerifier(), new State());
        HttpResponse<String> response = post(request, "confirm=false&user=alice");
        AuthorizationResponse parsed = AuthorizationResponse.parse(URI.create(location(response)));
        assertEquals("access_denied", parsed.toErrorResponse().getErrorObject().getCode());
    }

    @Test
    void refreshRotatesAndAReplayRevokesTheGrant() throws Exception {
        Tokens first = codeTokens("alice");
        RefreshToken original = first.getRefreshToken();
        Tokens second = success(token(APP, new RefreshTokenGrant(original)));
        assertNotNull(second.getRefreshToken());
        assertFalse(second.getRefreshToken().equals(original));
        assertEquals(200, me(second.getAccessToken()).statusCode());

        TokenErrorResponse replay = token(APP, new RefreshTokenGrant(original)).toErrorResponse();
        assertEquals("invalid_grant", replay.getErrorObject().getCode());
        HttpResponse<String> revoked = me(second.getAccessToken());
        assertEquals(401, revoked.statusCode());
        assertTrue(revoked.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
    }

    @Test
    void clientCredentialsSpeakForNoUser() throws Exception {
        Tokens tokens = success(token(APP, new ClientCredentialsGrant(), new Scope("profile")));
        JsonObject me = json(me(tokens.getAccessToken()));
        assertTrue(me.isNull("username"));
        assertEquals("app", me.getString("client_id"));
        assertEquals(null, tokens.getRefreshToken());
    }

    @Test
    void filterChallengesMissingAndInsufficientTokens() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(endpoint("api/me")).build());
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"tollgate\"", none.headers().firstValue("WWW-Authenticate").orElseThrow());

        Tokens email = success(token(APP, new ClientCredentialsGrant(), new Scope("email")));
        HttpResponse<String> insufficient = me(email.getAccessToken());
        assertEquals(403, insufficient.statusCode());
        String challenge = insufficient.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.contains("error=\"insufficient_scope\"") && challenge.contains("scope=\"profile\""),
                challenge);
    }

    @Test
    void revokedTokenIsRejectedByTheFilterAndInactiveOnIntrospection() throws Exception {
        Tokens tokens = codeTokens("bob");
        TokenIntrospectionSuccessResponse active = introspect(tokens.getAccessToken());
        assertTrue(active.isActive());
        assertEquals("bob", active.getUsername());
        assertEquals(new ClientID("app"), active.getClientID());
        assertEquals(new Scope("profile"), active.getScope());

        HTTPResponse revocation = new TokenRevocationRequest(endpoint("oauth2/revoke"), APP, tokens.getAccessToken())
                .toHTTPRequest().send();
        assertEquals(200, revocation.getStatusCode());
        assertEquals(401, me(tokens.getAccessToken()).statusCode());
        TokenIntrospectionSuccessResponse inactive = introspect(tokens.getAccessToken());
        assertFalse(inactive.isActive());
        assertEquals(Map.of("active", false), inactive.toJSONObject());
    }

    @Test
    void metadataDescribesTheServer() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint(".well-known/oauth-authorization-server")).build());
        assertEquals(200, response.statusCode());
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.parse(response.body());
        assertEquals(AppSetup.ISSUER, metadata.getIssuer().getValue());
        assertEquals(URI.create(AppSetup.ISSUER + "/oauth2/token"), metadata.getTokenEndpointURI());
        assertTrue(metadata.getCodeChallengeMethods().contains(CodeChallengeMethod.S256));
        assertFalse(metadata.getCodeChallengeMethods().contains(CodeChallengeMethod.PLAIN));
        assertTrue(metadata.supportsAuthorizationResponseIssuerParam());
        assertTrue(metadata.getGrantTypes().containsAll(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN,
                GrantType.CLIENT_CREDENTIALS)));
        assertFalse(metadata.getGrantTypes().contains(GrantType.PASSWORD));
    }

    @Test
    void registeredClientGetsTokens() throws Exception {
        ClientMetadata metadata = new ClientMetadata();
        metadata.setGrantTypes(Set.of(GrantType.CLIENT_CREDENTIALS));
        metadata.setScope(new Scope("profile"));
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        HTTPResponse response = new ClientRegistrationRequest(endpoint("oauth2/register"), metadata, null)
                .toHTTPRequest().send();
        assertEquals(201, response.getStatusCode(), response.getBody());
        ClientInformation client = ClientRegistrationResponse.parse(response).toSuccessResponse().getClientInformation();
        assertNotNull(client.getSecret());

        Tokens tokens = success(token(new ClientSecretBasic(client.getID(), client.getSecret()),
                new ClientCredentialsGrant(), new Scope("profile")));
        assertEquals(client.getID().getValue(), json(me(tokens.getAccessToken())).getString("client_id"));
    }

    /**
     * RFC 6749 §4.1.2: a code used more than once is denied and what it issued revoked. 32 threads at once are 31
     * replays of the first use: at most one gets a token (none when a replay came while it was storing), and no
     * token of the grant is live afterwards, whatever the interleaving.
     */
    @Test
    void oneCodeRedeemedBy32ThreadsLeavesNoLiveToken() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = authorize("app", verifier, "alice");
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, URI.create(AppSetup.CALLBACK), verifier);
        List<TokenResponse> responses = Concurrently.run(THREADS, () -> token(APP, grant));
        assertNoLiveTokenAmong(responses);
        assertFalse(token(APP, grant).indicatesSuccess());
    }

    /** RFC 9700 §4.14.2: 32 uses of one refresh token at once are replays; no token of the grant stays live. */
    @Test
    void oneRefreshTokenRotatedBy32ThreadsLeavesNoLiveToken() throws Exception {
        Tokens original = codeTokens("alice");
        List<TokenResponse> responses = Concurrently.run(THREADS,
                () -> token(APP, new RefreshTokenGrant(original.getRefreshToken())));
        assertNoLiveTokenAmong(responses);
        assertEquals(401, me(original.getAccessToken()).statusCode());
    }

    private void assertNoLiveTokenAmong(List<TokenResponse> responses) throws Exception {
        List<Tokens> winners = responses.stream().filter(TokenResponse::indicatesSuccess)
                .map(response -> response.toSuccessResponse().getTokens()).toList();
        assertTrue(winners.size() <= 1, winners.size() + " winners");
        responses.stream().filter(response -> !response.indicatesSuccess()).forEach(response ->
                assertEquals("invalid_grant", response.toErrorResponse().getErrorObject().getCode()));
        for (Tokens winner : winners) {
            assertEquals(401, me(winner.getAccessToken()).statusCode());
        }
    }

    private Tokens codeTokens(String user) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = authorize("app", verifier, user);
        return success(token(APP, new AuthorizationCodeGrant(code, URI.create(AppSetup.CALLBACK), verifier)));
    }

    /** Walks the consent page as {@code user}; checks state and iss; answers the code. */
    private AuthorizationCode authorize(String clientId, CodeVerifier verifier, String user) throws Exception {
        State state = new State();
        URI request = authorizationRequest(clientId, verifier, state);
        HttpResponse<String> consent = send(HttpRequest.newBuilder(request).build());
        assertEquals("Allow " + clientId + " profile?", consent.body());
        HttpResponse<String> decision = post(request, "confirm=true&user=" + user);
        assertEquals(303, decision.statusCode());
        AuthorizationResponse response = AuthorizationResponse.parse(URI.create(location(decision)));
        assertTrue(response.indicatesSuccess(), location(decision));
        assertEquals(state, response.getState());
        assertEquals(AppSetup.ISSUER, response.getIssuer().getValue());
        return response.toSuccessResponse().getAuthorizationCode();
    }

    private URI authorizationRequest(String clientId, CodeVerifier verifier, State state) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(clientId))
                .redirectionURI(URI.create(AppSetup.CALLBACK)).scope(new Scope("profile")).state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(endpoint("oauth2/authorize")).build().toURI();
    }

    private TokenResponse token(ClientAuthentication client, AuthorizationGrant grant) throws Exception {
        return token(client, grant, null);
    }

    private TokenResponse token(ClientAuthentication client, AuthorizationGrant grant, Scope scope) throws Exception {
        return TokenResponse.parse(new TokenRequest(endpoint("oauth2/token"), client, grant, scope).toHTTPRequest().send());
    }

    private static Tokens success(TokenResponse response) {
        assertTrue(response.indicatesSuccess(),
                () -> response.toErrorResponse().getErrorObject().toJSONObject().toString());
        AccessTokenResponse success = response.toSuccessResponse();
        return success.getTokens();
    }

    private TokenIntrospectionSuccessResponse introspect(AccessToken token) throws Exception {
        HTTPResponse response = new TokenIntrospectionRequest(endpoint("oauth2/introspect"), API, token)
                .toHTTPRequest().send();
        return TokenIntrospectionResponse.parse(response).toSuccessResponse();
    }

    private HttpResponse<String> me(AccessToken token) throws Exception {
        return send(HttpRequest.newBuilder(endpoint("api/me")).header("Authorization", token.toAuthorizationHeader())
                .build());
    }

    private HttpResponse<String> post(URI uri, String form) throws Exception {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI endpoint(String path) {
        return URI.create(base + path);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(response.body()));
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

}
