package dev.tollgate.jwt;

import static dev.tollgate.common.JsonSupport.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.common.JsonSupport;
import dev.tollgate.common.Secrets;
import dev.tollgate.dpop.Dpop;
import dev.tollgate.dpop.DpopNonces;
import dev.tollgate.dpop.DpopProofValidator;
import dev.tollgate.dpop.DpopSettings;
import dev.tollgate.oauth2.BearerSettings;
import dev.tollgate.oauth2.ClientStore;
import dev.tollgate.oauth2.GrantSettings;
import dev.tollgate.oauth2.InMemoryAuthorizationCodeStore;
import dev.tollgate.oauth2.IntrospectionEndpoint;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.OAuth2Server;
import dev.tollgate.oauth2.OAuth2ServerBuilder;
import dev.tollgate.oauth2.OAuth2Settings;
import dev.tollgate.oauth2.OAuth2Token;
import dev.tollgate.oauth2.PkceSettings;
import dev.tollgate.oauth2.RegisteredClient;
import dev.tollgate.oauth2.RegistrationSettings;
import dev.tollgate.oauth2.ResourceOwner;
import dev.tollgate.oauth2.ResourceProtector;
import dev.tollgate.oauth2.RevocationEndpoint;
import dev.tollgate.oauth2.TokenSettings;
import dev.tollgate.oauth2.TokenStore;
import dev.tollgate.oidc.Consent;
import dev.tollgate.oidc.ConsentStore;
import dev.tollgate.oidc.OpenIdProvider;
import dev.tollgate.oidc.OpenIdSettings;
import dev.tollgate.oidc.SigningKeys;
import dev.tollgate.oidc.UserInfoEndpoint;
import dev.tollgate.testing.MutableClock;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A server with OpenID Connect and JWT access tokens, in-memory stores (the token store can be told to fail every
 * read, to prove a validation reads none), an in-memory deny-list, one RS256 key, and a clock the test moves
 * (starting at the real time, so that Nimbus' processors, which read the system clock, accept what it issues).
 */
final class AccessTokenFixture {

    static final String ISSUER = "https://as.example";
    static final String REDIRECT_URI = "https://client.example/cb";
    static final String SECRET = "client-secret";
    /** Registered {@code access_token_format} {@code jwt}. */
    static final String JWT_CLIENT = "jwt-client";
    /** Registered no format: the server's default. */
    static final String DEFAULT_CLIENT = "default-client";
    /** Registered {@code access_token_format} {@code opaque}. */
    static final String OPAQUE_CLIENT = "opaque-client";
    /** A resource server, which may introspect every token. */
    static final String RESOURCE_SERVER = "resource-server";

    /** The server's key, made once: RSA keys are slow to make. */
    static final RSAKey KEY = rsa("k1");

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final Clients clients = new Clients();
    final Tokens tokens = new Tokens();
    final InMemoryAuthorizationCodeStore codes = new InMemoryAuthorizationCodeStore();
    final InMemoryRevokedTokens revoked = new InMemoryRevokedTokens(clock);
    final Keys keys = new Keys(KEY);
    final TokenSettings tokenSettings = TokenSettings.DEFAULT.withAccessTokenLifetimes(
            Map.of("client_credentials", Duration.ofMinutes(20), "authorization_code", Duration.ofMinutes(30)));
    final OAuth2Settings settings = OAuth2Settings.builder(ISSUER)
            .scopesSupported(Set.of("openid", "profile", "email", "admin", "group:staff", "group:admins")).build();
    final JwtAccessTokenSettings jwtSettings;
    final OAuth2Server server;
    final ResourceProtector protector;
    final OpenIdProvider provider;
    /** Alice, who signed in 30 seconds before the fixture was made, with a password, at the silver level. */
    final ResourceOwner alice;

    AccessTokenFixture() {
        this(JwtAccessTokenSettings.DEFAULT);
    }

    AccessTokenFixture(JwtAccessTokenSettings jwtSettings) {
        this.jwtSettings = jwtSettings;
        alice = new ResourceOwner("alice", clock.instant().minusSeconds(30), Set.of("pwd"), "urn:example:silver");
        clients.add(new Client(JWT_CLIENT, format("jwt"), false));
        clients.add(new Client(DEFAULT_CLIENT, JsonValue.EMPTY_JSON_OBJECT, false));
        clients.add(new Client(OPAQUE_CLIENT, format("opaque"), false));
        clients.add(new Client(RESOURCE_SERVER, JsonValue.EMPTY_JSON_OBJECT, true));
        GrantSettings grants = new GrantSettings(true, false);
        OAuth2ServerBuilder builder = OAuth2Server.builder(settings, tokenSettings, clients, tokens, clock)
                .standardGrants(codes, (username, password) -> Optional.empty(), grants, PkceSettings.DEFAULT)
                .standardEndpoints(RegistrationSettings.OPEN)
                .clientMetadata(new JwtRegistration(JwksUriSettings.DEFAULT));
        provider = OpenIdProvider.install(builder, clients, grants, OpenIdSettings.DEFAULT, keys,
                (subject, names) -> Map.of("name", "Alice Liddell", "email", "alice@example.com"), new Consents());
        JwtAccessTokens.install(builder, keys, jwtSettings, revoked);
        Map<String, java.time.Duration> proofs = new ConcurrentHashMap<>();
        Dpop.install(builder, new DpopProofValidator(DpopSettings.DEFAULT, new DpopNonces(
                () -> "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                DpopSettings.DEFAULT.nonceLifetime(), clock), (key, lifetime) -> proofs.putIfAbsent(key, lifetime) == null,
                clock));
        server = builder.build();
        protector = server.resourceProtector(BearerSettings.DEFAULT);
    }

    static JsonObject format(String value) {
        return JSON.createObjectBuilder().add(AccessTokenFormat.METADATA, value).build();
    }

    static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).algorithm(JWSAlgorithm.RS256).keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- requests

    static Map<String, String> params(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static OAuth2Request post(String path, Map<String, String> form, String authorization) {
        Map<String, List<String>> headers = authorization == null ? Map.of()
                : Map.of("Authorization", List.of(authorization));
        return OAuth2Request.of("POST", ISSUER + path, headers, FormUrlEncoding.format(form),
                FormUrlEncoding.CONTENT_TYPE);
    }

    static OAuth2Request bearer(String accessToken) {
        return OAuth2Request.of("GET", ISSUER + "/api/me", Map.of("Authorization", List.of("Bearer " + accessToken)),
                null, null);
    }

    static JsonObject json(OAuth2Response response) {
        return JsonSupport.parse(response.body()).asJsonObject();
    }

    OAuth2Response token(String clientId, Map<String, String> form) {
        return server.createTokenResponse(post("/oauth2/token", form, basic(clientId, SECRET)));
    }

    /** The parameters of the authorization response's redirect, from its query or fragment. */
    Map<String, String> authorize(String clientId, String responseType, String scope, boolean fragment) {
        Map<String, String> query = params("response_type", responseType, "client_id", clientId,
                "redirect_uri", REDIRECT_URI, "scope", scope, "state", "s", "nonce", "n");
        OAuth2Response response = server.createAuthorizationResponse(OAuth2Request.of("GET",
                ISSUER + "/oauth2/authorize?" + FormUrlEncoding.format(query), Map.of(), null, null), alice);
        assertEquals(303, response.status(), response.body());
        URI location = URI.create(response.header("Location"));
        Map<String, String> map = new LinkedHashMap<>();
        FormUrlEncoding.parse(fragment ? location.getRawFragment() : location.getRawQuery())
                .forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    String code(String clientId, String scope) {
        String code = authorize(clientId, "code", scope, false).get("code");
        assertNotNull(code);
        return code;
    }

    OAuth2Response redeem(String clientId, String code) {
        return token(clientId, params("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI));
    }

    /** The code flow for alice up to the token response. */
    JsonObject codeFlow(String clientId, String scope) {
        OAuth2Response response = redeem(clientId, code(clientId, scope));
        assertEquals(200, response.status(), response.body());
        return json(response);
    }

    JsonObject clientCredentials(String clientId, String scope) {
        OAuth2Response response = token(clientId, params("grant_type", "client_credentials", "scope", scope));
        assertEquals(200, response.status(), response.body());
        return json(response);
    }

    OAuth2Response refresh(String clientId, String refreshToken) {
        return token(clientId, params("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    OAuth2Response revoke(String clientId, String token, String hint) {
        Map<String, String> form = params("token", token);
        if (hint != null) {
            form.put("token_type_hint", hint);
        }
        return server.createEndpointResponse(RevocationEndpoint.NAME, post("/oauth2/revoke", form,
                basic(clientId, SECRET)));
    }

    JsonObject introspect(String token) {
        OAuth2Response response = server.createEndpointResponse(IntrospectionEndpoint.NAME,
                post("/oauth2/introspect", params("token", token), basic(RESOURCE_SERVER, SECRET)));
        assertEquals(200, response.status(), response.body());
        return json(response);
    }

    OAuth2Response userInfo(String accessToken) {
        return server.createEndpointResponse(UserInfoEndpoint.NAME, OAuth2Request.of("GET", ISSUER
                + "/oauth2/userinfo", Map.of("Authorization", List.of("Bearer " + accessToken)), null, null));
    }

    /** The token the server's resource protector accepts. */
    OAuth2Token validate(String accessToken, String... scopes) {
        return protector.validateRequest(bearer(accessToken), scopes);
    }

    /** The error the server's resource protector refuses the token with. */
    OAuth2Error refusal(String accessToken) {
        try {
            OAuth2Token token = validate(accessToken);
            throw new AssertionError("accepted: " + token);
        } catch (OAuth2Error e) {
            return e;
        }
    }

    // ---------------------------------------------------------------- JWTs

    static SignedJWT parse(String jwt) {
        try {
            return SignedJWT.parse(jwt);
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    static JWTClaimsSet claimsOf(String jwt) {
        try {
            return parse(jwt).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** The JWK Set as the server's endpoint serves it. */
    JWKSet publishedKeys() {
        try {
            return JWKSet.parse(server.createEndpointResponse("jwks", OAuth2Request.of("GET", ISSUER + "/jwks",
                    Map.of(), null, null)).body());
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------- in-memory parts


    /** The server's keys: one RS256 key, published. */
    record Keys(RSAKey key) implements SigningKeys {

        @Override
        public List<JWSAlgorithm> algorithms() {
            return List.of(JWSAlgorithm.RS256);
        }

        @Override
        public JWK signingKey(JWSAlgorithm algorithm) {
            if (!JWSAlgorithm.RS256.equals(algorithm)) {
                throw new IllegalArgumentException("Not offered: " + algorithm);
            }
            return key;
        }

        @Override
        public JWKSet publicKeys() {
            return new JWKSet(key.toPublicJWK());
        }

        @Override
        public Duration jwkSetMaxAge() {
            return Duration.ofMinutes(5);
        }
    }

    /** A confidential client of every flow, with the fixture's secret. */
    record Client(String clientId, JsonObject metadata, boolean resourceServer) implements OAuth2Client {

        @Override
        public String getClientId() {
            return clientId;
        }

        @Override
        public String getClientSecretHash() {
            return Secrets.sha256(SECRET);
        }

        @Override
        public String getTokenEndpointAuthMethod() {
            return "client_secret_basic";
        }

        @Override
        public List<String> getRedirectUris() {
            return List.of(REDIRECT_URI);
        }

        @Override
        public Set<String> getGrantTypes() {
            return Set.of("authorization_code", "refresh_token", "client_credentials", "implicit");
        }

        @Override
        public Set<String> getResponseTypes() {
            return Set.of("code", "token", "id_token", "id_token token", "code id_token", "code token",
                    "code id_token token");
        }

        @Override
        public String getScope() {
            return "openid profile email admin group:staff group:admins";
        }

        @Override
        public boolean isResourceServer() {
            return resourceServer;
        }

        @Override
        public JsonObject getMetadata() {
            return metadata;
        }
    }

    static final class Clients implements ClientStore {

        final Map<String, OAuth2Client> clients = new ConcurrentHashMap<>();

        void add(OAuth2Client client) {
            clients.put(client.getClientId(), client);
        }

        @Override
        public Optional<OAuth2Client> find(String clientId) {
            return Optional.ofNullable(clients.get(clientId));
        }

        @Override
        public void save(RegisteredClient client) {
            if (clients.putIfAbsent(client.getClientId(), client) != null) {
                throw new IllegalStateException("duplicate client id");
            }
        }
    }

    /**
     * Keeps the issued token itself (its auth_time and attributes), with the revoked flags beside it; with
     * {@link #failReads} set, every read throws, so that a test proves nothing reads the store.
     */
    static final class Tokens implements TokenStore {

        private record Row(OAuth2Token token, boolean revoked, boolean grantRevoked) {
        }

        private final Map<String, Row> byAccessHash = new ConcurrentHashMap<>();
        private final Map<String, String> accessByRefreshHash = new ConcurrentHashMap<>();
        volatile boolean failReads;

        private void read() {
            if (failReads) {
                throw new AssertionError("The token store was read.");
            }
        }

        private static OAuth2Token view(Row row) {
            OAuth2Token t = row.token();
            return new OAuth2Token() {
                @Override public String getAccessTokenHash() { return t.getAccessTokenHash(); }
                @Override public String getRefreshTokenHash() { return t.getRefreshTokenHash(); }
                @Override public String getClientId() { return t.getClientId(); }
                @Override public String getUsername() { return t.getUsername(); }
                @Override public String getScope() { return t.getScope(); }
                @Override public String getRefreshTokenScope() { return t.getRefreshTokenScope(); }
                @Override public String getGrantId() { return t.getGrantId(); }
                @Override public Instant getIssuedAt() { return t.getIssuedAt(); }
                @Override public Instant getExpiresAt() { return t.getExpiresAt(); }
                @Override public Instant getRefreshTokenExpiresAt() { return t.getRefreshTokenExpiresAt(); }
                @Override public Instant getAuthTime() { return t.getAuthTime(); }
                @Override public Map<String, String> getAttributes() { return t.getAttributes(); }
                @Override public boolean isRevoked() { return row.revoked(); }
            };
        }

        @Override
        public void save(OAuth2Token token) {
            byAccessHash.put(token.getAccessTokenHash(), new Row(token, false, false));
            if (token.getRefreshTokenHash() != null) {
                accessByRefreshHash.put(token.getRefreshTokenHash(), token.getAccessTokenHash());
            }
        }

        @Override
        public Optional<OAuth2Token> findByAccessTokenHash(String accessTokenHash) {
            read();
            return Optional.ofNullable(byAccessHash.get(accessTokenHash)).map(Tokens::view);
        }

        @Override
        public Optional<OAuth2Token> findByRefreshTokenHash(String refreshTokenHash) {
            read();
            String access = accessByRefreshHash.get(refreshTokenHash);
            return access == null ? Optional.empty() : findByAccessTokenHash(access);
        }

        @Override
        public synchronized boolean revoke(String accessTokenHash) {
            Row row = byAccessHash.get(accessTokenHash);
            if (row == null || row.revoked()) {
                return false;
            }
            byAccessHash.put(accessTokenHash, new Row(row.token(), true, row.grantRevoked()));
            return true;
        }

        @Override
        public synchronized void revokeGrant(String grantId) {
            byAccessHash.replaceAll((hash, row) -> row.token().getGrantId().equals(grantId)
                    ? new Row(row.token(), true, true) : row);
        }

        @Override
        public boolean isGrantRevoked(String grantId) {
            read();
            return byAccessHash.values().stream()
                    .anyMatch(row -> row.token().getGrantId().equals(grantId) && row.grantRevoked());
        }

        @Override
        public synchronized List<String> revokeAll(String username, String clientId) {
            List<String> live = byAccessHash.values().stream()
                    .filter(row -> row.token().getClientId().equals(clientId)
                            && username.equals(row.token().getUsername()) && !row.revoked())
                    .map(row -> row.token().getGrantId()).distinct().toList();
            live.forEach(this::revokeGrant);
            return live;
        }

        @Override
        public List<OAuth2Token> findUnexpiredByGrantId(String grantId, Instant now) {
            read();
            return byAccessHash.values().stream()
                    .filter(row -> row.token().getGrantId().equals(grantId) && now.isBefore(row.token().getExpiresAt()))
                    .map(Tokens::view).toList();
        }

        /** The stored token of an access token string, read even when reads fail. */
        Optional<OAuth2Token> stored(String accessToken) {
            return Optional.ofNullable(byAccessHash.get(Secrets.sha256(accessToken))).map(Tokens::view);
        }
    }


    static final class Consents implements ConsentStore {

        final Map<String, Consent> consents = new ConcurrentHashMap<>();

        @Override
        public Optional<Consent> find(String subject, String clientId) {
            return Optional.ofNullable(consents.get(subject + "\u0000" + clientId));
        }

        @Override
        public void save(Consent consent) {
            consents.put(consent.subject() + "\u0000" + consent.clientId(), consent);
        }

        @Override
        public List<Consent> findBySubject(String subject) {
            return new ArrayList<>(consents.values().stream().filter(c -> c.subject().equals(subject)).toList());
        }

        @Override
        public boolean delete(String subject, String clientId) {
            return consents.remove(subject + "\u0000" + clientId) != null;
        }
    }
}
