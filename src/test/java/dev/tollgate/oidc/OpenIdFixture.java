package dev.tollgate.oidc;

import static dev.tollgate.common.JsonSupport.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.common.Secrets;
import dev.tollgate.device.DeviceCodeGrant;
import dev.tollgate.device.DeviceFlow;
import dev.tollgate.device.DeviceSettings;
import dev.tollgate.device.DeviceVerification;
import dev.tollgate.device.InMemoryDeviceAuthorizationStore;
import dev.tollgate.device.InMemoryFailureCounter;
import dev.tollgate.jwt.JwksUriSettings;
import dev.tollgate.jwt.JwtRegistration;
import dev.tollgate.oauth2.ClientStore;
import dev.tollgate.oauth2.GrantSettings;
import dev.tollgate.oauth2.InMemoryAuthorizationCodeStore;
import dev.tollgate.oauth2.OAuth2Client;
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
import dev.tollgate.oauth2.TokenSettings;
import dev.tollgate.oauth2.TokenStore;
import dev.tollgate.testing.MutableClock;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenID provider on the standard OAuth 2.0 server, with in-memory stores of its own (they keep what
 * {@code dev.tollgate.oauth2}'s test stores drop: a token's {@code auth_time} and attributes), a clock the test
 * moves (starting at the real time, so that Nimbus' validators, which read the system clock, accept what it
 * issues), alice's claims and a few relying parties.
 */
final class OpenIdFixture {

    static final String ISSUER = "https://op.example";
    static final String REDIRECT_URI = "https://rp.example/cb";
    static final String LOGOUT_URI = "https://rp.example/logged-out";
    static final String LOGOUT_URI_WITH_QUERY = "https://rp.example/bye?lang=en";
    static final String OTHER_REDIRECT_URI = "https://other-rp.example/cb";
    static final String SALT = "a-salt-of-16-chars-or-more";
    static final String SECRET = "rp-secret";

    /** A confidential client of every OpenID flow, public subjects, RS256 by default, two post-logout URIs. */
    static final String RP = "rp";
    /** Like {@link #RP}, pairwise, on the same host. */
    static final String RP_PAIRWISE = "rp-pairwise";
    /** Pairwise, on another host. */
    static final String RP_PAIRWISE_OTHER = "rp-pairwise-other";
    /** ID tokens signed with ES256, UserInfo answered as a JWT signed with PS256. */
    static final String RP_SIGNED = "rp-signed";

    static final Set<String> ALL_RESPONSE_TYPES = Set.of("code", "token", "id_token", "id_token token",
            "code id_token", "code token", "code id_token token");

    static final Map<String, Object> ALICE_CLAIMS = Map.of(
            "name", "Alice Liddell",
            "given_name", "Alice",
            "family_name", "Liddell",
            "email", "alice@example.com",
            "email_verified", true);

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final Clients clients = new Clients();
    final Tokens tokens = new Tokens();
    final InMemoryAuthorizationCodeStore codes = new InMemoryAuthorizationCodeStore();
    final KeyStoreInMemory keyStore = new KeyStoreInMemory();
    final Consents consents = new Consents();
    final Claims claims = new Claims();
    final OAuth2Settings settings = OAuth2Settings.builder(ISSUER)
            .scopesSupported(Set.of("openid", "profile", "email", "phone", "admin")).build();
    final RotatingSigningKeys keys;
    final OpenIdProvider provider;
    /** The device flow (RFC 8628), which {@link #RP} may use. */
    final DeviceVerification device;
    final OAuth2Server server;
    /** Alice, who signed in 30 seconds before the fixture was made, with a password. */
    final ResourceOwner alice;

    OpenIdFixture() {
        this(OpenIdSettings.DEFAULT.withPairwiseSalt(SALT), true);
    }

    OpenIdFixture(OpenIdSettings openId, boolean implicit) {
        this(openId, implicit, KeySettings.DEFAULT);
    }

    OpenIdFixture(OpenIdSettings openId, boolean implicit, KeySettings keySettings) {
        alice = new ResourceOwner("alice", clock.instant().minusSeconds(30), Set.of("pwd"), null);
        clients.add(new Client(RP, SECRET, REDIRECT_URI, JSON.createObjectBuilder()
                .add("post_logout_redirect_uris", JSON.createArrayBuilder().add(LOGOUT_URI).add(LOGOUT_URI_WITH_QUERY))
                .build()));
        clients.add(new Client(RP_PAIRWISE, SECRET, "https://rp.example/cb2",
                JSON.createObjectBuilder().add("subject_type", "pairwise").build()));
        clients.add(new Client(RP_PAIRWISE_OTHER, SECRET, OTHER_REDIRECT_URI,
                JSON.createObjectBuilder().add("subject_type", "pairwise").build()));
        clients.add(new Client(RP_SIGNED, SECRET, "https://signed-rp.example/cb", JSON.createObjectBuilder()
                .add("id_token_signed_response_alg", "ES256").add("userinfo_signed_response_alg", "PS256").build()));
        keys = new RotatingSigningKeys(keySettings, keyStore, KeyEncryption.NONE, clock);
        GrantSettings grants = new GrantSettings(implicit, false);
        OAuth2ServerBuilder builder = OAuth2Server.builder(settings, TokenSettings.DEFAULT, clients, tokens, clock)
                .standardGrants(codes, (username, password) -> Optional.empty(), grants, PkceSettings.DEFAULT)
                .standardEndpoints(RegistrationSettings.OPEN)
                // the client's keys are the JWT family's metadata, registered beside OpenID Connect as in the beans
                .clientMetadata(new JwtRegistration(JwksUriSettings.DEFAULT));
        provider = OpenIdProvider.install(builder, clients, grants, openId, keys, claims, consents);
        device = DeviceFlow.install(builder, clients, new InMemoryDeviceAuthorizationStore(),
                new InMemoryFailureCounter(), DeviceSettings.DEFAULT);
        server = builder.build();
    }

    // ---------------------------------------------------------------- requests and responses

    static Map<String, String> params(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** An authorization request of {@link #RP} with {@code openid profile email}, a state and a nonce. */
    static Map<String, String> openIdRequest(String responseType) {
        return params("response_type", responseType, "client_id", RP, "redirect_uri", REDIRECT_URI,
                "scope", "openid profile email", "state", "af0ifjsldkj", "nonce", "n-0S6_WzA2Mj");
    }

    static OAuth2Request get(String pathAndQuery, Map<String, List<String>> headers) {
        return OAuth2Request.of("GET", ISSUER + pathAndQuery, headers, null, null);
    }

    static OAuth2Request authorizeRequest(Map<String, String> query) {
        return get("/oauth2/authorize?" + FormUrlEncoding.format(query), Map.of());
    }

    static OAuth2Request postForm(String path, Map<String, String> form, String authorization) {
        Map<String, List<String>> headers = authorization == null ? Map.of()
                : Map.of("Authorization", List.of(authorization));
        return OAuth2Request.of("POST", ISSUER + path, headers, FormUrlEncoding.format(form),
                FormUrlEncoding.CONTENT_TYPE);
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    OAuth2Response authorize(Map<String, String> query, ResourceOwner owner) {
        return server.createAuthorizationResponse(authorizeRequest(query), owner);
    }

    OAuth2Response token(String clientId, Map<String, String> form) {
        return server.createTokenResponse(postForm("/oauth2/token", form, basic(clientId, SECRET)));
    }

    /** Redeems a code of {@link #REDIRECT_URI}, or of the client's own redirect URI. */
    JsonObject redeem(String clientId, String code, String redirectUri) {
        OAuth2Response response = token(clientId, params("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri));
        assertEquals(200, response.status(), response.body());
        return json(response);
    }

    JsonObject refresh(String clientId, String refreshToken) {
        OAuth2Response response = token(clientId, params("grant_type", "refresh_token",
                "refresh_token", refreshToken));
        assertEquals(200, response.status(), response.body());
        return json(response);
    }

    /** The code flow for a client up to the token response. */
    JsonObject codeFlow(String clientId, String redirectUri, String scope, ResourceOwner owner) {
        Map<String, String> query = params("response_type", "code", "client_id", clientId,
                "redirect_uri", redirectUri, "scope", scope, "state", "s", "nonce", "n");
        Map<String, String> response = redirectParams(authorize(query, owner), false);
        String code = response.get("code");
        assertNotNull(code, response.toString());
        return redeem(clientId, code, redirectUri);
    }

    OAuth2Response userInfoGet(String accessToken) {
        return server.createEndpointResponse(UserInfoEndpoint.NAME, get("/oauth2/userinfo",
                Map.of("Authorization", List.of("Bearer " + accessToken))));
    }

    OAuth2Response userInfoPost(String accessToken) {
        return server.createEndpointResponse(UserInfoEndpoint.NAME, postForm("/oauth2/userinfo",
                params("access_token", accessToken), null));
    }

    OAuth2Response endpoint(String name) {
        return server.createEndpointResponse(name, get("/", Map.of()));
    }

    OAuth2Response register(String json) {
        return server.createEndpointResponse("client_registration", OAuth2Request.of("POST",
                ISSUER + "/oauth2/register", Map.of("Content-Type", List.of("application/json")), json,
                "application/json"));
    }

    static JsonObject json(OAuth2Response response) {
        return json(response.body());
    }

    static JsonObject json(String text) {
        return JSON.createReader(new StringReader(text)).readObject();
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

    private static final Pattern HIDDEN_INPUT = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

    /** The hidden inputs of a form_post page, unescaped. */
    static Map<String, String> formPostParams(OAuth2Response response) {
        Map<String, String> map = new LinkedHashMap<>();
        Matcher matcher = HIDDEN_INPUT.matcher(response.body());
        while (matcher.find()) {
            map.put(unescape(matcher.group(1)), unescape(matcher.group(2)));
        }
        return map;
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    // ---------------------------------------------------------------- ID tokens

    /** The server's JWK Set as its endpoint serves it. */
    JWKSet publishedKeys() {
        try {
            return JWKSet.parse(endpoint(JwksEndpoint.NAME).body());
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Validates an ID token as a relying party does (Core §3.1.3.7), with Nimbus and the published JWK Set.
     *
     * @param nonce the expected nonce, or {@code null} to check none
     */
    JWTClaimsSet validIdToken(String idToken, String clientId, JWSAlgorithm algorithm, String nonce) {
        try {
            IDTokenValidator validator = new IDTokenValidator(new Issuer(ISSUER), new ClientID(clientId), algorithm,
                    publishedKeys());
            validator.setMaxClockSkew(3600); // the fixture's clock moves ahead of the system's in some tests
            return validator.validate(SignedJWT.parse(idToken), nonce == null ? null : new Nonce(nonce))
                    .toJWTClaimsSet();
        } catch (Exception e) {
            throw new AssertionError("Invalid ID token: " + e, e);
        }
    }

    JWTClaimsSet validIdToken(String idToken, String nonce) {
        return validIdToken(idToken, RP, JWSAlgorithm.RS256, nonce);
    }

    static JWTClaimsSet claimsOf(String jwt) {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    static SignedJWT parse(String jwt) {
        try {
            return SignedJWT.parse(jwt);
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------- in-memory parts


    /** A statically configured relying party, confidential, of every grant the provider serves. */
    record Client(String clientId, String secret, String redirectUri, JsonObject metadata) implements OAuth2Client {

        @Override
        public String getClientId() {
            return clientId;
        }

        @Override
        public String getClientSecretHash() {
            return Secrets.sha256(secret);
        }

        @Override
        public String getTokenEndpointAuthMethod() {
            return "client_secret_basic";
        }

        @Override
        public List<String> getRedirectUris() {
            return List.of(redirectUri);
        }

        @Override
        public Set<String> getGrantTypes() {
            return Set.of("authorization_code", "refresh_token", "implicit", "client_credentials",
                    DeviceCodeGrant.GRANT_TYPE);
        }

        @Override
        public Set<String> getResponseTypes() {
            return ALL_RESPONSE_TYPES;
        }

        @Override
        public String getScope() {
            return "openid profile email phone";
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

    /** Keeps the issued token itself (its auth_time and attributes), with a revoked flag beside it. */
    static final class Tokens implements TokenStore {

        private record Row(OAuth2Token token, boolean revoked, boolean grantRevoked) {
        }

        private final Map<String, Row> byAccessHash = new ConcurrentHashMap<>();
        private final Map<String, String> accessByRefreshHash = new ConcurrentHashMap<>();

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
            return Optional.ofNullable(byAccessHash.get(accessTokenHash)).map(Tokens::view);
        }

        @Override
        public Optional<OAuth2Token> findByRefreshTokenHash(String refreshTokenHash) {
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
            return byAccessHash.values().stream()
                    .anyMatch(row -> row.token().getGrantId().equals(grantId) && row.grantRevoked());
        }

        @Override
        public List<String> revokeAll(String username, String clientId) {
            List<String> live = byAccessHash.values().stream()
                    .filter(row -> row.token().getClientId().equals(clientId)
                            && username.equals(row.token().getUsername()) && !row.revoked())
                    .map(row -> row.token().getGrantId()).distinct().toList();
            live.forEach(this::revokeGrant);
            return live;
        }
    }


    /** The shared table of signing keys, recording deletions. */
    static final class KeyStoreInMemory implements SigningKeyStore {

        final Map<String, StoredSigningKey> keys = new ConcurrentHashMap<>();
        final List<String> deleted = new CopyOnWriteArrayList<>();

        @Override
        public List<StoredSigningKey> findAll() {
            return new ArrayList<>(keys.values());
        }

        @Override
        public void save(StoredSigningKey key) {
            if (keys.putIfAbsent(key.kid(), key) != null) {
                throw new IllegalStateException("duplicate kid");
            }
        }

        @Override
        public void delete(String kid) {
            if (keys.remove(kid) != null) {
                deleted.add(kid);
            }
        }
    }

    static final class Consents implements ConsentStore {

        final Map<String, Consent> consents = new ConcurrentHashMap<>();

        private static String key(String subject, String clientId) {
            return subject + "\u0000" + clientId;
        }

        @Override
        public Optional<Consent> find(String subject, String clientId) {
            return Optional.ofNullable(consents.get(key(subject, clientId)));
        }

        @Override
        public void save(Consent consent) {
            consents.put(key(consent.subject(), consent.clientId()), consent);
        }

        @Override
        public List<Consent> findBySubject(String subject) {
            return consents.values().stream().filter(consent -> consent.subject().equals(subject)).toList();
        }

        @Override
        public boolean delete(String subject, String clientId) {
            return consents.remove(key(subject, clientId)) != null;
        }
    }

    /**
     * Alice's claims; a careless source that answers every claim it has, whatever was asked, so that the server's
     * own filtering is what the tests see. {@link #extra} adds claims, e.g. hostile ones.
     */
    static final class Claims implements ClaimsSource {

        final Map<String, Object> extra = new TreeMap<>();
        final List<Set<String>> asked = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, Object> claims(String subject, Set<String> names) {
            asked.add(Set.copyOf(names));
            if (!"alice".equals(subject)) {
                return Map.of("name", "Someone Else");
            }
            Map<String, Object> all = new LinkedHashMap<>(ALICE_CLAIMS);
            all.putAll(extra);
            return all;
        }
    }
}
