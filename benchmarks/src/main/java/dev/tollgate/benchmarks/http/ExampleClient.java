package dev.tollgate.benchmarks.http;

import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.common.Secrets;
import dev.tollgate.oauth1.HmacSignatureMethod;
import dev.tollgate.oauth1.SignatureBaseString;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of the example with a signed-in browser session: what the load scenarios need to get
 * credentials and to make each request (OAuth 1 signing, the OAuth 2 code flow with PKCE).
 */
final class ExampleClient {

    static final String CALLBACK = "http://127.0.0.1:8765/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http;

    ExampleClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpClient http() {
        return http;
    }

    URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    void signIn(String user, String password) throws Exception {
        HttpResponse<String> response = post("/login", null, Map.of("username", user, "password", password, "next", "/"));
        expect(response, 303, 302);
    }

    // ---- OAuth 2.0 ----

    String clientCredentialsToken(String scope) throws Exception {
        HttpResponse<String> response = post("/oauth2/token", basic("demo-client", "demo-secret"),
                Map.of("grant_type", "client_credentials", "scope", scope));
        return json(expect(response, 200)).getString("access_token");
    }

    /** One authorization-code flow with PKCE as the signed-in user: consent page, approval, token. */
    boolean codeFlow() throws Exception {
        return codeFlowTokens() != null;
    }

    /** As {@link #codeFlow()}: the token response, or {@code null} when the consent page had no form. */
    JsonObject codeFlowTokens() throws Exception {
        String verifier = Secrets.randomToken(32);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String query = FormUrlEncoding.format(List.of(Map.entry("client_id", "demo-client"),
                Map.entry("response_type", "code"), Map.entry("redirect_uri", CALLBACK), Map.entry("scope", "profile"),
                Map.entry("state", "s"), Map.entry("code_challenge", challenge),
                Map.entry("code_challenge_method", "S256")));
        HttpResponse<String> consent = get("/oauth2/authorize?" + query, null);
        Matcher csrf = CSRF.matcher(expect(consent, 200).body());
        if (!csrf.find()) {
            return null;
        }
        HttpResponse<String> approved = post("/oauth2/authorize?" + query, null,
                Map.of("csrf_token", csrf.group(1), "confirm", "true"));
        String location = expect(approved, 303).headers().firstValue("Location").orElseThrow();
        String code = parse(URI.create(location).getRawQuery()).get("code");
        HttpResponse<String> token = post("/oauth2/token", basic("demo-client", "demo-secret"), Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK, "code_verifier", verifier));
        return token.statusCode() == 200 ? json(token) : null;
    }

    HttpResponse<String> tokenRequest() throws Exception {
        return post("/oauth2/token", basic("demo-client", "demo-secret"),
                Map.of("grant_type", "client_credentials", "scope", "profile"));
    }

    // ---- OAuth 1.0a ----

    /** Token credentials of the demo HMAC client, authorized by the signed-in user. */
    String[] oauth1TokenCredentials() throws Exception {
        HttpResponse<String> initiate = http.send(HttpRequest.newBuilder(uri("/oauth1/initiate"))
                .header("Authorization", oauth1Header("POST", uri("/oauth1/initiate"), null, "",
                        Map.of("oauth_callback", CALLBACK)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> temporary = parse(expect(initiate, 200).body());
        String token = temporary.get("oauth_token");
        HttpResponse<String> consent = get("/oauth1/authorize?oauth_token=" + token, null);
        Matcher csrf = CSRF.matcher(expect(consent, 200).body());
        csrf.find();
        HttpResponse<String> approved = post("/oauth1/authorize", null,
                Map.of("csrf_token", csrf.group(1), "oauth_token", token, "granted", "true"));
        String location = expect(approved, 303, 302).headers().firstValue("Location").orElseThrow();
        String verifier = parse(URI.create(location).getRawQuery()).get("oauth_verifier");
        HttpResponse<String> exchanged = http.send(HttpRequest.newBuilder(uri("/oauth1/token"))
                .header("Authorization", oauth1Header("POST", uri("/oauth1/token"), token,
                        temporary.get("oauth_token_secret"), Map.of("oauth_verifier", verifier)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> credentials = parse(expect(exchanged, 200).body());
        return new String[] {credentials.get("oauth_token"), credentials.get("oauth_token_secret")};
    }

    /** An HMAC-SHA1 {@code Authorization: OAuth ...} header with a fresh nonce and timestamp. */
    static String oauth1Header(String method, URI uri, String token, String tokenSecret, Map<String, String> extra) {
        Map<String, String> oauth = new LinkedHashMap<>();
        oauth.put("oauth_consumer_key", "demo-oauth1-client");
        if (token != null) {
            oauth.put("oauth_token", token);
        }
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", Long.toString(System.currentTimeMillis() / 1000));
        oauth.put("oauth_nonce", Secrets.randomToken(16));
        oauth.put("oauth_version", "1.0");
        oauth.putAll(extra);
        List<Map.Entry<String, String>> signed = new ArrayList<>(oauth.entrySet());
        signed.addAll(FormUrlEncoding.parse(uri.getRawQuery()));
        String baseString = SignatureBaseString.of(method, uri, signed);
        oauth.put("oauth_signature", HmacSignatureMethod.HMAC_SHA1.sign(baseString, "demo-oauth1-secret", tokenSecret));
        StringBuilder header = new StringBuilder("OAuth ");
        oauth.forEach((name, value) -> header.append(name).append("=\"")
                .append(dev.tollgate.common.PercentEncoding.encode(value)).append("\", "));
        return header.substring(0, header.length() - 2);
    }

    // ---- plumbing ----

    HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String authorization, Map<String, String> form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", FormUrlEncoding.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(FormUrlEncoding.format(form)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        FormUrlEncoding.parse(encoded).forEach(pair -> values.put(pair.getKey(), pair.getValue()));
        return values;
    }
}
