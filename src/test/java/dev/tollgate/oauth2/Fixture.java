package dev.tollgate.oauth2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.common.PercentEncoding;
import dev.tollgate.testing.MutableClock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** A server with the demo clients, in-memory stores and a clock the test moves. */
final class Fixture {

    static final String ISSUER = "https://as.example";
    static final String REDIRECT_URI = "http://127.0.0.1:8765/callback";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"; // RFC 7636 Appendix B
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    static final ResourceOwner ALICE = ResourceOwner.of("alice");

    final MutableClock clock = new MutableClock();
    final InMemoryClientStore clients = new InMemoryClientStore();
    final InMemoryTokenStore tokens = new InMemoryTokenStore();
    final InMemoryAuthorizationCodeStore codes = new InMemoryAuthorizationCodeStore();
    final OAuth2Settings settings = OAuth2Settings.builder(ISSUER).scopesSupported(Set.of("profile", "email", "admin"))
            .build();
    final OAuth2Server server;

    Fixture() {
        this(options -> { });
    }

    /** A server of the standard grants and endpoints, implicit and password included, as the options say. */
    Fixture(Consumer<Options> customize) {
        Options options = new Options(clients, codes);
        customize.accept(options);
        clients.add(TestClient.confidential("demo-client", "demo-secret", "client_secret_basic"));
        clients.add(TestClient.confidential("demo-post-client", "demo-post-secret", "client_secret_post"));
        clients.add(TestClient.publicClient("demo-public"));
        clients.add(TestClient.confidential("resource-server", "rs-secret", "client_secret_basic").asResourceServer());
        ResourceOwnerAuthenticator users = (username, password) -> "alice".equals(username)
                && "wonderland".equals(password) ? Optional.of(ALICE) : Optional.empty();
        server = options.builder.apply(OAuth2Server.builder(settings, options.tokens, clients, tokens, clock)
                .standardGrants(codes, users, options.grants, options.pkce)
                .standardEndpoints(options.registration)).build();
    }

    /** What a test changes of the fixture's server. */
    static final class Options {
        final InMemoryClientStore clients;
        final InMemoryAuthorizationCodeStore codes;
        TokenSettings tokens = TokenSettings.DEFAULT;
        GrantSettings grants = new GrantSettings(true, true);
        PkceSettings pkce = PkceSettings.DEFAULT;
        RegistrationSettings registration = RegistrationSettings.OPEN;
        UnaryOperator<OAuth2ServerBuilder> builder = b -> b;

        Options(InMemoryClientStore clients, InMemoryAuthorizationCodeStore codes) {
            this.clients = clients;
            this.codes = codes;
        }
    }

    static String basic(String id, String secret) {
        String pair = PercentEncoding.encode(id) + ":" + PercentEncoding.encode(secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> params(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    static OAuth2Request get(String pathAndQuery) {
        return OAuth2Request.of("GET", ISSUER + pathAndQuery, Map.of(), null, null);
    }

    static OAuth2Request post(String path, Map<String, String> form, String authorization) {
        Map<String, List<String>> headers = authorization == null ? Map.of() : Map.of("Authorization", List.of(authorization));
        return OAuth2Request.of("POST", ISSUER + path, headers, FormUrlEncoding.format(form), FormUrlEncoding.CONTENT_TYPE);
    }

    static OAuth2Request authorizeRequest(Map<String, String> query) {
        return get("/oauth2/authorize?" + FormUrlEncoding.format(query));
    }

    OAuth2Response token(Map<String, String> form, String authorization) {
        return server.createTokenResponse(post("/oauth2/token", form, authorization));
    }

    OAuth2Response token(Map<String, String> form) {
        return token(form, basic("demo-client", "demo-secret"));
    }

    static JsonObject json(OAuth2Response response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** Parameters of a redirect's query or fragment. */
    static Map<String, String> redirectParams(OAuth2Response response, boolean fragment) {
        assertEquals(303, response.status(), response.body());
        URI location = URI.create(response.header("Location"));
        String raw = fragment ? location.getRawFragment() : location.getRawQuery();
        Map<String, String> map = new LinkedHashMap<>();
        FormUrlEncoding.parse(raw).forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** Runs the code flow for a client up to the code. */
    String code(String clientId, String scope, String challenge) {
        Map<String, String> query = params("response_type", "code", "client_id", clientId,
                "redirect_uri", REDIRECT_URI, "state", "xyz");
        if (scope != null) {
            query.put("scope", scope);
        }
        if (challenge != null) {
            query.put("code_challenge", challenge);
            query.put("code_challenge_method", "S256");
        }
        OAuth2Response response = server.createAuthorizationResponse(authorizeRequest(query), ALICE);
        String code = redirectParams(response, false).get("code");
        assertNotNull(code, response.header("Location"));
        return code;
    }

    /** A token for demo-client through the code flow, with a refresh token. */
    JsonObject codeToken(String scope) {
        String code = code("demo-client", scope, null);
        OAuth2Response response = token(params("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI));
        assertEquals(200, response.status(), response.body());
        return json(response);
    }
}
