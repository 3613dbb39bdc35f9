package example.minimal;

import static example.minimal.Http.ALICE;
import static example.minimal.Http.CALLBACK;
import static example.minimal.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.FileAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The minimal application with what the README adds for OpenID Connect (a {@code ClaimsSource} bean and the
 * {@code openid} scope) and OAuth 1.0a (five lines of configuration and a resource of its own), over HTTP:
 * discovery, an ID token and UserInfo; OAuth 1.0a's three legs through the default consent page, driven by
 * ScribeJava, and a signed request to the resource.
 */
@ExtendWith(ArquillianExtension.class)
class AdditionsIT {

    @Deployment(testable = false)
    static WebArchive withAdditions() {
        return ShrinkWrap.create(WebArchive.class, "minimal.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("minimal.war"))))
                .addClasses(Claims.class, OAuth1Me.class)
                .addAsResource(new FileAsset(new File("src/test/resources/additions/microprofile-config.properties")),
                        "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    private Http http;

    @BeforeEach
    void browser() {
        http = new Http(base);
    }

    @Test
    void openIdConnectWithAClaimsSource() throws Exception {
        JsonObject discovery = json(http.get("/.well-known/openid-configuration", null).body());
        assertEquals(MinimalIT.ISSUER, discovery.getString("issuer"));
        assertEquals(MinimalIT.ISSUER + "/oauth2/jwks", discovery.getString("jwks_uri"));
        assertEquals(MinimalIT.ISSUER + "/oauth2/userinfo", discovery.getString("userinfo_endpoint"));

        JsonObject tokens = MinimalIT.redeem(http, MinimalIT.grantedCode(http,
                MinimalIT.authorize("openid%20profile", "s3") + "&nonce=n-0S6_WzA2Mj"));
        assertTrue(tokens.containsKey("id_token"), tokens.toString());
        HttpResponse<String> userInfo = http.get("/oauth2/userinfo", "Bearer " + tokens.getString("access_token"));
        assertEquals(200, userInfo.statusCode(), userInfo.body());
        JsonObject claims = json(userInfo.body());
        assertEquals("alice", claims.getString("sub"));
        assertEquals("Alice Liddell", claims.getString("name"));
    }

    @Test
    void oauth1ThreeLeggedThroughTheDefaultConsentPage() throws Exception {
        String root = http.uri("/").toString();
        OAuth10aService shop = new ServiceBuilder("shop").apiSecret("shop-secret-0123456789").callback(CALLBACK)
                .build(new DefaultApi10a() {
                    @Override
                    public String getRequestTokenEndpoint() {
                        return root + "oauth1/initiate";
                    }

                    @Override
                    public String getAccessTokenEndpoint() {
                        return root + "oauth1/token";
                    }

                    @Override
                    protected String getAuthorizationBaseUrl() {
                        return root + "oauth1/authorize";
                    }
                });
        OAuth1RequestToken temporary = shop.getRequestToken();
        assertTrue(temporary.isOauthCallbackConfirmed());

        HttpResponse<String> page = http.get(shop.getAuthorizationUrl(temporary), ALICE);
        assertEquals(200, page.statusCode(), page.body());
        assertEquals(temporary.getToken(), Http.field(page.body(), "oauth_token"));
        HttpResponse<String> granted = http.post(Http.action(page.body()), "oauth_token=" + temporary.getToken()
                + "&granted=true&csrf_token=" + Http.field(page.body(), "csrf_token"), ALICE);
        assertEquals(303, granted.statusCode(), granted.body());
        String verifier = Http.query(granted.headers().firstValue("Location").orElseThrow(), "oauth_verifier");

        OAuth1AccessToken token = shop.getAccessToken(temporary, verifier);
        OAuthRequest me = new OAuthRequest(Verb.GET, root + "oauth1-api/me");
        shop.signRequest(token, me);
        try (Response answer = shop.execute(me)) {
            assertEquals(200, answer.getCode(), answer.getBody());
            assertEquals("Hello, alice", answer.getBody());
        }
        HttpResponse<String> unsigned = http.get("/oauth1-api/me", null);
        assertEquals(400, unsigned.statusCode(), "RFC 5849 §3.2: parameters missing"); // the filter is there
        assertTrue(unsigned.body().startsWith("error="), unsigned.body());
    }
}
