package dev.tollgate.benchmarks.http;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.common.Secrets;
import dev.tollgate.jwt.ClientAssertions;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of the example with a signed-in browser session: what the load scenarios need to get
 * credentials and to make each request (OAuth 1 signing, the OAuth 2 and OpenID Connect code flows with PKCE).
 */
final class ExampleClient {

    static final String CALLBACK = "http://127.0.0.1:8765/callback";
    static final String OIDC_CLIENT = "demo-oidc";
    private static final String OIDC_SECRET = "demo-oidc-secret";
    private static final String JWT_CLIENT = "demo-jwt-client";
    /** Its private key, which the demo publishes (demo only), read from the working tree. */
    private static final Path JWT_CLIENT_KEY =
            Path.of("webapp-example/src/main/resources/demo/jwt-client-private.jwk.json");
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

    /**
     * One OpenID Connect code flow with PKCE and a nonce, as {@code demo-oidc} with {@code openid profile email}:
     * the consent page and its approval the first time (or always, with {@code prompt=consent}), at once a 303
     * to the callback once the consent is remembered; then the token request, whose {@code id_token} must carry
     * the nonce and the client as audience. Its signature is not checked here (see {@link #verifyIdToken}).
     */
    boolean openIdCodeFlow(boolean promptConsent) throws Exception {
        return openIdCodeFlowTokens(promptConsent) != null;
    }

    /** As {@link #openIdCodeFlow}: the token response, or {@code null} when a step answered otherwise. */
    JsonObject openIdCodeFlowTokens(boolean promptConsent) throws Exception {
        String verifier = Secrets.randomToken(32);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String nonce = Secrets.randomToken(16);
        String state = Secrets.randomToken(8);
        List<Map.Entry<String, String>> parameters = new ArrayList<>(List.of(Map.entry("client_id", OIDC_CLIENT),
                Map.entry("response_type", "code"), Map.entry("redirect_uri", CALLBACK),
                Map.entry("scope", "openid profile email"), Map.entry("state", state), Map.entry("nonce", nonce),
                Map.entry("code_challenge", challenge), Map.entry("code_challenge_method", "S256")));
        if (promptConsent) {
            parameters.add(Map.entry("prompt", "consent"));
        }
        String query = FormUrlEncoding.format(parameters);
        HttpResponse<String> answer = get("/oauth2/authorize?" + query, null);
        if (answer.statusCode() == 200) { // the consent page: the first time, or asked for
            Matcher csrf = CSRF.matcher(answer.body());
            if (!csrf.find()) {
                return null;
            }
            answer = post("/oauth2/authorize?" + query, null, Map.of("csrf_token", csrf.group(1), "confirm", "true"));
        }
        String location = expect(answer, 303).headers().firstValue("Location").orElseThrow();
        Map<String, String> callback = parse(URI.create(location).getRawQuery());
        if (!location.startsWith(CALLBACK + "?") || !state.equals(callback.get("state"))) {
            return null;
        }
        HttpResponse<String> token = post("/oauth2/token", basic(OIDC_CLIENT, OIDC_SECRET), Map.of(
                "grant_type", "authorization_code", "code", callback.get("code"), "redirect_uri", CALLBACK,
                "code_verifier", verifier));
        if (token.statusCode() != 200) {
            return null;
        }
        JsonObject tokens = json(token);
        JWTClaimsSet idToken = SignedJWT.parse(tokens.getString("id_token")).getJWTClaimsSet();
        return nonce.equals(idToken.getStringClaim("nonce")) && idToken.getAudience().contains(OIDC_CLIENT)
                ? tokens : null;
    }

    /** Checks an ID token as a relying party would: signed by a key in the JWK Set, issuer, audience, expiry. */
    void verifyIdToken(String idToken) throws Exception {
        SignedJWT jwt = SignedJWT.parse(idToken);
        JWKSet keys = JWKSet.parse(expect(get("/oauth2/jwks", null), 200).body());
        JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        if (key == null || !jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(),
                ((AsymmetricJWK) key).toPublicKey()))) {
            throw new IllegalStateException("The ID token is not signed by a published key: " + jwt.getHeader());
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        if (!base.toString().replaceAll("/+$", "").equals(claims.getIssuer()) || !claims.getAudience().contains(OIDC_CLIENT)
                || claims.getExpirationTime().before(new Date())) {
            throw new IllegalStateException("Unexpected ID token claims: " + claims);
        }
    }

    /**
     * An RFC 9068 access token of {@code demo-jwt-client}, by {@code client_credentials} with a
     * {@code private_key_jwt} assertion signed with the demo's private key (RS256); checked to be typed
     * {@code at+jwt}, so that the runs with it measure what they say.
     */
    String jwtAccessToken(String scope) throws Exception {
        JWK key = JWK.parse(Files.readString(JWT_CLIENT_KEY));
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(JWT_CLIENT).subject(JWT_CLIENT)
                .audience(uri("/oauth2/token").toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60))).jwtID(Secrets.randomToken(16)).build();
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims);
        assertion.sign(new DefaultJWSSignerFactory().createJWSSigner(key, JWSAlgorithm.RS256));
        HttpResponse<String> response = post("/oauth2/token", null, Map.of("grant_type", "client_credentials",
                "scope", scope, "client_assertion_type", ClientAssertions.JWT_BEARER,
                "client_assertion", assertion.serialize()));
        String token = json(expect(response, 200)).getString("access_token");
        JOSEObjectType type = SignedJWT.parse(token).getHeader().getType();
        if (!new JOSEObjectType("at+jwt").equals(type)) {
            throw new IllegalStateException("Not an RFC 9068 access token: typ " + type);
        }
        return token;
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
