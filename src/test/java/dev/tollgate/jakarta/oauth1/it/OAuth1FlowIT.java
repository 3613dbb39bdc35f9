package dev.tollgate.jakarta.oauth1.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import dev.tollgate.common.FormUrlEncoding;
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
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OAuth 1.0a provider on Payara Micro, driven by an independent client library (ScribeJava) over HTTP:
 * the three-legged flow, a protected resource, and single use of verifiers and nonces under concurrency,
 * with the application's own client entity.
 */
@ExtendWith(ArquillianExtension.class)
class OAuth1FlowIT {

    private static final int THREADS = 32;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.library("oauth1.war")
                .addPackage(OAuth1FlowIT.class.getPackage())
                .addAsResource("oauth1-it/persistence.xml", "META-INF/persistence.xml")
                .setWebXML("oauth1-it/web.xml");
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void threeLeggedFlowThenProtectedResource() throws Exception {
        OAuth10aService service = service();
        OAuth1RequestToken requestToken = service.getRequestToken();
        assertTrue(requestToken.isOauthCallbackConfirmed());

        HttpResponse<String> consent = http.send(HttpRequest.newBuilder(
                uri(service.getAuthorizationUrl(requestToken))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("Allow " + ShopSeed.CLIENT_ID + "?", consent.body());

        String verifier = grant(requestToken, "alice");
        OAuth1AccessToken accessToken = service.getAccessToken(requestToken, verifier);
        assertNotNull(accessToken.getToken());

        OAuthRequest me = new OAuthRequest(Verb.GET, base + "api/oauth1/me");
        service.signRequest(accessToken, me);
        try (Response response = service.execute(me)) {
            assertEquals(200, response.getCode(), response.getBody());
            JsonObject body = Json.createReader(new StringReader(response.getBody())).readObject();
            assertEquals("alice", body.getString("username"));
            assertEquals(ShopSeed.CLIENT_ID, body.getString("client_id"));
            assertEquals("OAuth", body.getString("auth_type"));
        }
    }

    @Test
    void signedFormBodyIsVerifiedAndStillReadableByTheResource() throws Exception {
        OAuth10aService service = service();
        OAuth1AccessToken accessToken = accessToken(service, "bob");
        OAuthRequest post = new OAuthRequest(Verb.POST, base + "api/oauth1/me");
        post.addBodyParameter("note", "caf\u00e9 & tea");
        service.signRequest(accessToken, post);
        try (Response response = service.execute(post)) {
            assertEquals(200, response.getCode(), response.getBody());
            JsonObject body = Json.createReader(new StringReader(response.getBody())).readObject();
            assertEquals("bob", body.getString("username"));
            assertEquals("caf\u00e9 & tea", body.getString("body_param"));
        }
    }

    @Test
    void unsignedResourceRequestIsChallenged() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(base + "api/oauth1/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("OAuth realm="));
        assertEquals("missing_required_parameter", form(response.body()).get("error"));
    }

    @Test
    void unregisteredCallbackIsRefused() throws Exception {
        OAuth10aService service = new ServiceBuilder(ShopSeed.CLIENT_ID).apiSecret(ShopSeed.CLIENT_SECRET)
                .callback("https://attacker.example/steal").build(new TollgateApi(base.toString()));
        OAuthRequest initiate = new OAuthRequest(Verb.POST, base + "oauth1/initiate");
        initiate.addOAuthParameter("oauth_callback", "https://attacker.example/steal");
        service.signRequest(new OAuth1AccessToken("", ""), initiate);
        try (Response response = service.execute(initiate)) {
            assertEquals(400, response.getCode());
            assertEquals("invalid_request", form(response.getBody()).get("error"));
            assertEquals("no-store", response.getHeader("Cache-Control"));
        }
    }

    @Test
    void deniedAuthorizationLeavesNothingToExchange() throws Exception {
        OAuth10aService service = service();
        OAuth1RequestToken requestToken = service.getRequestToken();
        HttpResponse<String> denied = authorize(requestToken.getToken(), "alice", false);
        assertEquals(302, denied.statusCode());
        String location = denied.headers().firstValue("Location").orElseThrow();
        assertEquals("access_denied", form(URI.create(location).getRawQuery()).get("error"));
        assertEquals(401, exchange(service, requestToken, "any-verifier").statusCode());
    }

    @Test
    void oneVerifierExchangedBy32ThreadsYieldsOneTokenCredential() throws Exception {
        OAuth10aService service = service();
        OAuth1RequestToken requestToken = service.getRequestToken();
        String verifier = grant(requestToken, "alice");
        List<Integer> statuses = Concurrently.run(THREADS, () -> exchange(service, requestToken, verifier).statusCode());
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(THREADS - 1, statuses.stream().filter(status -> status == 401).count(), statuses.toString());
    }

    @Test
    void oneSignedRequestReplayedBy32ThreadsIsAcceptedOnce() throws Exception {
        OAuth10aService service = service();
        OAuth1AccessToken accessToken = accessToken(service, "alice");
        OAuthRequest me = new OAuthRequest(Verb.GET, base + "api/oauth1/me");
        service.signRequest(accessToken, me);
        String authorization = me.getHeaders().get("Authorization");
        List<HttpResponse<String>> responses = Concurrently.run(THREADS, () -> http.send(
                HttpRequest.newBuilder(uri(base + "api/oauth1/me")).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString()));
        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertEquals(Map.of(200, 1L, 401, (long) THREADS - 1), byStatus);
        responses.stream().filter(response -> response.statusCode() == 401)
                .forEach(response -> assertEquals("invalid_nonce", form(response.body()).get("error")));
    }

    private OAuth10aService service() {
        return new ServiceBuilder(ShopSeed.CLIENT_ID).apiSecret(ShopSeed.CLIENT_SECRET).callback(ShopSeed.CALLBACK)
                .build(new TollgateApi(base.toString()));
    }

    private OAuth1AccessToken accessToken(OAuth10aService service, String user) throws Exception {
        OAuth1RequestToken requestToken = service.getRequestToken();
        return service.getAccessToken(requestToken, grant(requestToken, user));
    }

    /** Grants the request token as {@code user}; answers the verifier from the callback redirect. */
    private String grant(OAuth1RequestToken requestToken, String user) throws Exception {
        HttpResponse<String> response = authorize(requestToken.getToken(), user, true);
        assertEquals(302, response.statusCode(), response.body());
        URI callback = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertTrue(callback.toString().startsWith(ShopSeed.CALLBACK + "?"), callback.toString());
        Map<String, String> parameters = form(callback.getRawQuery());
        assertEquals(requestToken.getToken(), parameters.get("oauth_token"));
        return parameters.get("oauth_verifier");
    }

    private HttpResponse<String> authorize(String token, String user, boolean granted) throws Exception {
        String form = FormUrlEncoding.format(Map.of("oauth_token", token, "user", user, "granted", String.valueOf(granted)));
        return http.send(HttpRequest.newBuilder(uri(base + "oauth1/authorize"))
                        .header("Content-Type", FormUrlEncoding.CONTENT_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A token request with its own nonce, so only the verifier's single use decides. */
    private HttpResponse<String> exchange(OAuth10aService service, OAuth1RequestToken requestToken, String verifier)
            throws Exception {
        OAuthRequest token = new OAuthRequest(Verb.POST, base + "oauth1/token");
        token.addOAuthParameter("oauth_verifier", verifier);
        service.signRequest(new OAuth1AccessToken(requestToken.getToken(), requestToken.getTokenSecret()), token);
        return http.send(HttpRequest.newBuilder(uri(base + "oauth1/token"))
                        .header("Authorization", token.getHeaders().get("Authorization"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }


    private static Map<String, String> form(String encoded) {
        return FormUrlEncoding.parse(encoded).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b));
    }

    private static URI uri(String value) {
        return URI.create(value);
    }

    /** Where the provider's endpoints are, for ScribeJava. */
    static final class TollgateApi extends DefaultApi10a {

        private final String base;

        TollgateApi(String base) {
            this.base = base;
        }

        @Override
        public String getRequestTokenEndpoint() {
            return base + "oauth1/initiate";
        }

        @Override
        public String getAccessTokenEndpoint() {
            return base + "oauth1/token";
        }

        @Override
        protected String getAuthorizationBaseUrl() {
            return base + "oauth1/authorize";
        }
    }
}
