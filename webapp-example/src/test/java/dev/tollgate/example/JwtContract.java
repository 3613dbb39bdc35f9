package dev.tollgate.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The contract's "The JWT family" lines that are built so far, walked with the Nimbus OAuth 2.0 SDK's
 * {@code PrivateKeyJWT}, {@code ClientSecretJWT} and {@code JWTBearerGrant}: client assertions by key and by
 * secret, each {@code jti} used once, refused algorithms and claims, and the JWT bearer grant for a user.
 * {@link ExampleIT} runs each check.
 */
final class JwtContract {

    static final ClientID JWT_CLIENT = new ClientID("demo-jwt-client");
    static final ClientID SECRET_JWT_CLIENT = new ClientID("demo-secret-jwt");
    static final Secret SECRET_JWT = new Secret("demo-secret-jwt-0123456789abcdef0123456789abcdef");

    private final OAuth2Contract oauth2;

    JwtContract(URI base) {
        this.oauth2 = new OAuth2Contract(base);
    }

    void privateKeyJwtAuthenticatesOnceForEachAssertion() throws Exception {
        PrivateKeyJWT assertion = new PrivateKeyJWT(JWT_CLIENT, tokenEndpoint(), JWSAlgorithm.RS256,
                key().toRSAPrivateKey(), key().getKeyID(), null);
        AccessToken token = OAuth2Contract.success(token(assertion)).getAccessToken();
        assertEquals("demo-jwt-client", oauth2.me(token).getString("client_id"));
        assertInvalidClient(token(assertion), "a jti is used once");

        PrivateKeyJWT toIssuer = new PrivateKeyJWT(new JWTAuthenticationClaimsSet(JWT_CLIENT,
                new Audience(oauth2.issuer())), JWSAlgorithm.RS256, key().toRSAPrivateKey(), key().getKeyID(), null);
        OAuth2Contract.success(token(toIssuer)); // RFC 7523bis: the issuer as the audience
    }

    void clientSecretJwtAuthenticatesWithItsSecret() throws Exception {
        ClientSecretJWT assertion = new ClientSecretJWT(SECRET_JWT_CLIENT, tokenEndpoint(), JWSAlgorithm.HS256,
                SECRET_JWT);
        OAuth2Contract.success(token(assertion));
        ClientSecretJWT wrong = new ClientSecretJWT(SECRET_JWT_CLIENT, tokenEndpoint(), JWSAlgorithm.HS256,
                new Secret("not-the-secret-0123456789abcdef0123456789abcdef"));
        assertInvalidClient(token(wrong), "a wrong secret");
    }

    void badAssertionsAreInvalidClient() throws Exception {
        JWTClaimsSet fine = claims(tokenEndpoint().toString(), new Date(System.currentTimeMillis() + 60_000));
        assertInvalidClient(send(new PlainJWT(fine).serialize()), "alg none");
        SignedJWT withPublicKey = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), fine);
        withPublicKey.sign(new MACSigner(key().toPublicJWK().toJSONString().getBytes()));
        assertInvalidClient(send(withPublicKey.serialize()), "an HMAC keyed with the public key");
        assertInvalidClient(send(signed(claims(tokenEndpoint().toString(), new Date(System.currentTimeMillis()
                - 120_000)))), "expired");
        assertInvalidClient(send(signed(claims("https://elsewhere.example/token",
                new Date(System.currentTimeMillis() + 60_000)))), "another audience");
    }

    void jwtBearerGrantGivesATokenForTheNamedUser() throws Exception {
        JWTClaimsSet grant = new JWTClaimsSet.Builder().issuer(JWT_CLIENT.getValue()).subject("alice")
                .audience(oauth2.issuer()).expirationTime(new Date(System.currentTimeMillis() + 60_000))
                .issueTime(new Date()).jwtID(UUID.randomUUID().toString()).build();
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key().getKeyID()).build(),
                grant);
        assertion.sign(new RSASSASigner(key()));
        ClientAuthentication client = new PrivateKeyJWT(JWT_CLIENT, tokenEndpoint(), JWSAlgorithm.RS256,
                key().toRSAPrivateKey(), key().getKeyID(), null);
        TokenRequest request = new TokenRequest(tokenEndpoint(), client, new JWTBearerGrant(assertion),
                new Scope("profile"));
        AccessToken token = OAuth2Contract.success(TokenResponse.parse(request.toHTTPRequest().send()))
                .getAccessToken();
        assertEquals("alice", oauth2.me(token).getString("username"));

        ClientAuthentication again = new PrivateKeyJWT(JWT_CLIENT, tokenEndpoint(), JWSAlgorithm.RS256,
                key().toRSAPrivateKey(), key().getKeyID(), null);
        TokenResponse replay = TokenResponse.parse(new TokenRequest(tokenEndpoint(), again,
                new JWTBearerGrant(assertion), new Scope("profile")).toHTTPRequest().send());
        assertFalse(replay.indicatesSuccess(), "the grant's jti is used once");
        assertEquals("invalid_grant", replay.toErrorResponse().getErrorObject().getCode());
    }

    /** RFC 9068: demo-jwt-client's tokens are JWTs the JWK Set verifies; a revoked one is refused at once. */
    void jwtAccessTokensAreVerifiableAndRevocableAtOnce() throws Exception {
        AccessToken token = OAuth2Contract.success(token(new PrivateKeyJWT(JWT_CLIENT, tokenEndpoint(),
                JWSAlgorithm.RS256, key().toRSAPrivateKey(), key().getKeyID(), null))).getAccessToken();
        SignedJWT jwt = SignedJWT.parse(token.getValue());
        assertEquals("at+jwt", jwt.getHeader().getType().toString());
        JWKSet published = JWKSet.load(oauth2.metadata().getJWKSetURI().toURL());
        RSAKey signer = (RSAKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(signer)), "signed by a key at jwks_uri");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(oauth2.issuer(), claims.getIssuer());
        assertTrue(claims.getAudience().contains(oauth2.issuer()), claims.getAudience().toString());
        assertEquals("demo-jwt-client", claims.getSubject(), "a client's own token: sub is the client (§2.2)");
        assertEquals("demo-jwt-client", claims.getStringClaim("client_id"));
        assertEquals("profile", claims.getStringClaim("scope"));
        assertTrue(claims.getJWTID() != null && claims.getIssueTime() != null && claims.getExpirationTime() != null);
        assertEquals("demo-jwt-client", oauth2.me(token).getString("client_id"));

        HTTPResponse revoked = new TokenRevocationRequest(base().resolve("/oauth2/revoke"), new PrivateKeyJWT(JWT_CLIENT,
                tokenEndpoint(), JWSAlgorithm.RS256, key().toRSAPrivateKey(), key().getKeyID(), null), token)
                .toHTTPRequest().send();
        assertEquals(200, revoked.getStatusCode(), revoked.getBody());
        java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(base().resolve("/api/me"))
                        .header("Authorization", token.toAuthorizationHeader()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, refused.statusCode(), "refused at once after revocation");
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().contains("invalid_token"));
    }

    /** RFC 7592: the registration access token reads, replaces and deletes its own client, and nothing else. */
    void clientManagementReadsReplacesAndDeletesWithTheRegistrationToken() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String body = "{\"redirect_uris\":[\"https://rp.example/cb\"],\"client_name\":\"Managed\"}";
        var created = http.send(java.net.http.HttpRequest.newBuilder(base().resolve("/oauth2/register"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        jakarta.json.JsonObject client = jakarta.json.Json.createReader(new java.io.StringReader(created.body()))
                .readObject();
        String clientId = client.getString("client_id");
        URI configuration = URI.create(client.getString("registration_client_uri"));
        assertEquals(base().resolve("/oauth2/register/" + clientId), configuration);
        String token = client.getString("registration_access_token");

        var read = http.send(java.net.http.HttpRequest.newBuilder(configuration).header("Authorization",
                "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode(), read.body());
        assertFalse(read.body().contains("client_secret\""), "the secret is shown once, at registration");
        var anonymous = http.send(java.net.http.HttpRequest.newBuilder(configuration).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));

        String replacement = "{\"client_id\":\"" + clientId + "\",\"redirect_uris\":[\"https://rp.example/cb2\"]}";
        var replaced = http.send(java.net.http.HttpRequest.newBuilder(configuration).header("Authorization",
                "Bearer " + token).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(replacement)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertTrue(replaced.body().contains("https://rp.example/cb2"), replaced.body());
        String rotated = jakarta.json.Json.createReader(new java.io.StringReader(replaced.body())).readObject()
                .getString("registration_access_token");
        var stale = http.send(java.net.http.HttpRequest.newBuilder(configuration).header("Authorization",
                "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, stale.statusCode(), "the old token was rotated out");

        var deleted = http.send(java.net.http.HttpRequest.newBuilder(configuration).header("Authorization",
                "Bearer " + rotated).DELETE().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(204, deleted.statusCode(), deleted.body());
        var gone = http.send(java.net.http.HttpRequest.newBuilder(configuration).header("Authorization",
                "Bearer " + rotated).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, gone.statusCode());
    }

    void metadataNamesTheJwtMethodsAndGrant() throws Exception {
        AuthorizationServerMetadata metadata = oauth2.metadata();
        assertTrue(metadata.getTokenEndpointAuthMethods().toString().contains("private_key_jwt"));
        assertTrue(metadata.getTokenEndpointAuthMethods().toString().contains("client_secret_jwt"));
        assertTrue(metadata.getTokenEndpointJWSAlgs().contains(JWSAlgorithm.RS256));
        assertTrue(metadata.getGrantTypes().toString().contains("urn:ietf:params:oauth:grant-type:jwt-bearer"));
    }

    // ---- helpers ----

    private TokenResponse token(ClientAuthentication client) throws Exception {
        return TokenResponse.parse(new TokenRequest(tokenEndpoint(), client, new ClientCredentialsGrant(),
                new Scope("profile")).toHTTPRequest().send());
    }

    /** A client_credentials request with a hand-made client assertion. */
    private TokenResponse send(String assertion) throws Exception {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, tokenEndpoint());
        request.setHeader("Content-Type", ContentType.APPLICATION_URLENCODED.toString());
        request.setBody(URLUtils.serializeParameters(Map.of("grant_type", List.of("client_credentials"), "scope",
                List.of("profile"), "client_assertion_type",
                List.of("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"), "client_assertion",
                List.of(assertion))));
        return TokenResponse.parse(request.send());
    }

    private static void assertInvalidClient(TokenResponse response, String what) {
        assertFalse(response.indicatesSuccess(), what);
        TokenErrorResponse error = response.toErrorResponse();
        assertEquals("invalid_client", error.getErrorObject().getCode(), what);
        assertEquals(401, error.getErrorObject().getHTTPStatusCode(), what);
    }

    private static JWTClaimsSet claims(String audience, Date expires) {
        return new JWTClaimsSet.Builder().issuer(JWT_CLIENT.getValue()).subject(JWT_CLIENT.getValue())
                .audience(audience).expirationTime(expires).issueTime(new Date(expires.getTime() - 90_000))
                .jwtID(UUID.randomUUID().toString()).build();
    }

    private String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key().getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key()));
        return jwt.serialize();
    }

    /** The demo client's private key (demo only), beside its public JWK Set in the example's resources. */
    static RSAKey key() throws Exception {
        for (String module : new String[] {".", "webapp-example"}) {
            Path file = Path.of(module, "src/main/resources/demo/jwt-client-private.jwk.json");
            if (Files.isRegularFile(file)) {
                return RSAKey.parse(Files.readString(file));
            }
        }
        throw new IllegalStateException("No demo/jwt-client-private.jwk.json under " + Path.of("").toAbsolutePath());
    }

    private URI base() throws Exception {
        return URI.create(oauth2.issuer() + "/");
    }

    /** The token endpoint as the metadata names it: an assertion's audience is the server's own URL for it. */
    private URI tokenEndpoint() throws Exception {
        return oauth2.metadata().getTokenEndpointURI();
    }
}
