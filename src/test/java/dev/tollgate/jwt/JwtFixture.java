package dev.tollgate.jwt;

import static dev.tollgate.common.JsonSupport.JSON;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.common.JsonSupport;
import dev.tollgate.common.ReplayCache;
import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.ClientStore;
import dev.tollgate.oauth2.GrantSettings;
import dev.tollgate.oauth2.InMemoryAuthorizationCodeStore;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.OAuth2Server;
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
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A server of the standard grants with {@code private_key_jwt}, {@code client_secret_jwt} and the JWT bearer grant,
 * in-memory stores of its own, a clock the test moves (starting at the real time, since the Nimbus SDK dates its
 * assertions by the system clock), and clients of each kind.
 */
final class JwtFixture {

    static final String ISSUER = "https://as.example";
    static final String TOKEN_ENDPOINT = ISSUER + "/oauth2/token";
    static final String IDP = "https://idp.example";

    /** private_key_jwt with an RSA and an EC key in its jwks; may use the JWT bearer grant and refresh. */
    static final String PK_CLIENT = "pk-client";
    /** private_key_jwt with a jwks_uri. */
    static final String URI_CLIENT = "uri-client";
    /** client_secret_jwt with a 64-character secret. */
    static final String SECRET_CLIENT = "secret-client";
    /** client_secret_jwt with a secret too short for HS256. */
    static final String SHORT_SECRET_CLIENT = "short-secret-client";
    /** client_secret_basic, its secret held too. */
    static final String BASIC_CLIENT = "basic-client";
    /** A public client that may use the JWT bearer grant, with keys. */
    static final String PUBLIC_CLIENT = "public-client";

    static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String SHORT_SECRET = "only-twenty-chars-xx";
    static final String BASIC_SECRET = "basic-secret-that-is-long-enough-for-hs256-too!!";

    static final RSAKey RSA = rsa("rsa-1");
    static final ECKey EC = ec("ec-1");
    /** Not registered anywhere; the same kid as {@link #RSA}. */
    static final RSAKey OTHER_RSA = rsa("rsa-1");
    static final RSAKey IDP_KEY = rsa("idp-1");

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final Replays replays = new Replays();
    final Clients clients = new Clients();
    final Tokens tokens = new Tokens();
    final OAuth2Settings settings = OAuth2Settings.builder(ISSUER).scopesSupported(Set.of("profile", "email"))
            .build();
    final AssertionValidator validator;
    final ClientKeys keys;
    final PrivateKeyJwt privateKeyJwt;
    final ClientSecretJwt clientSecretJwt;
    final OAuth2Server server;

    /** No jwks_uri can be fetched. */
    JwtFixture() {
        this(uri -> {
            throw new IOException("no network in this test");
        }, JwksUriSettings.DEFAULT, "https://client.example/jwks");
    }

    JwtFixture(JwkSetFetcher fetcher, JwksUriSettings uriSettings, String jwksUri) {
        this(fetcher, uriSettings, jwksUri, AssertionSettings.DEFAULT);
    }

    JwtFixture(JwkSetFetcher fetcher, JwksUriSettings uriSettings, String jwksUri, AssertionSettings assertions) {
        Set<String> all = Set.of("client_credentials", JwtBearerGrant.GRANT_TYPE, "refresh_token");
        clients.add(new Client(PK_CLIENT, null, "private_key_jwt", all, JSON.createObjectBuilder()
                .add("jwks", json(new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK())).toString())).build()));
        clients.add(new Client(URI_CLIENT, null, "private_key_jwt", all,
                JSON.createObjectBuilder().add("jwks_uri", jwksUri).build()));
        clients.add(new Client(SECRET_CLIENT, SECRET, "client_secret_jwt", all, JSON.createObjectBuilder().build()));
        clients.add(new Client(SHORT_SECRET_CLIENT, SHORT_SECRET, "client_secret_jwt", all,
                JSON.createObjectBuilder().build()));
        clients.add(new Client(BASIC_CLIENT, BASIC_SECRET, "client_secret_basic", all,
                JSON.createObjectBuilder().build()));
        clients.add(new Client(PUBLIC_CLIENT, null, "none", Set.of(JwtBearerGrant.GRANT_TYPE),
                JSON.createObjectBuilder().add("jwks", json(new JWKSet(RSA.toPublicJWK()).toString())).build()));
        validator = new AssertionValidator(settings, assertions, replays, clock);
        keys = new ClientKeys(fetcher, uriSettings, clock);
        privateKeyJwt = new PrivateKeyJwt(validator, keys);
        clientSecretJwt = new ClientSecretJwt(validator);
        TrustedIssuers issuers = TrustedIssuers.of(Map.of(IDP, new JWKSet(IDP_KEY)));
        ResourceOwnerLookup owners = (issuer, subject) -> Set.of("alice", "bob").contains(subject)
                ? Optional.of(ResourceOwner.of(subject)) : Optional.empty();
        server = OAuth2Server.builder(settings, TokenSettings.DEFAULT, clients, tokens, clock)
                .standardGrants(new InMemoryAuthorizationCodeStore(), (username, password) -> Optional.empty(), GrantSettings.DEFAULT,
                        PkceSettings.DEFAULT)
                .standardEndpoints(RegistrationSettings.OPEN)
                .clientAuthentication(privateKeyJwt)
                .clientAuthentication(clientSecretJwt)
                .grant(new JwtBearerGrant(validator, keys, issuers, owners))
                .extension(AssertionMetadata.of(privateKeyJwt, clientSecretJwt))
                .clientMetadata(new JwtRegistration(uriSettings, privateKeyJwt, clientSecretJwt))
                .build();
    }

    // ---------------------------------------------------------------- keys and assertions

    static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(String text) {
        return JsonSupport.parse(text).asJsonObject();
    }

    /** Claims of a good client assertion of the fixture's time: to the token endpoint, 2 minutes, a new jti. */
    JWTClaimsSet.Builder claims(String clientId) {
        return claims(clientId, clientId);
    }

    JWTClaimsSet.Builder claims(String issuer, String subject) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(TOKEN_ENDPOINT)
                .expirationTime(Date.from(now.plusSeconds(120))).issueTime(Date.from(now))
                .jwtID(Secrets.randomToken(16));
    }

    /** Signed with the key's kid in the header. */
    static String sign(JWSAlgorithm algorithm, JWK key, JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), key, claims);
    }

    static String sign(JWSHeader header, JWK key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            if (key instanceof RSAKey rsa) {
                jwt.sign(new RSASSASigner(rsa));
            } else {
                jwt.sign(new ECDSASigner((ECKey) key));
            }
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * An HMAC with any bytes as the key, made by hand as an attacker would (Nimbus' MACSigner refuses keys shorter
     * than 256 bits).
     */
    static String mac(JWSAlgorithm algorithm, byte[] key, JWTClaimsSet claims) {
        String input = new JWSHeader(algorithm).toBase64URL() + "." + Base64URL.encode(claims.toString());
        try {
            String name = "HmacSHA" + algorithm.getName().substring(2);
            Mac mac = Mac.getInstance(name);
            mac.init(new SecretKeySpec(key, name));
            return input + "." + Base64URL.encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- requests

    static String basic(String id, String secret) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((id + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> params(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    static OAuth2Request post(Map<String, String> form) {
        return OAuth2Request.of("POST", TOKEN_ENDPOINT, Map.of(), FormUrlEncoding.format(form),
                FormUrlEncoding.CONTENT_TYPE);
    }

    OAuth2Response token(Map<String, String> form) {
        return server.createTokenResponse(post(form));
    }

    /** A client credentials request authenticated by the assertion. */
    OAuth2Response clientCredentials(String assertion) {
        return token(params("grant_type", "client_credentials", "client_assertion_type", ClientAssertions.JWT_BEARER,
                "client_assertion", assertion));
    }

    /** A token request as the Nimbus SDK sends it. */
    OAuth2Response token(ClientAuthentication authentication, AuthorizationGrant grant) {
        return server.createTokenResponse(request(new com.nimbusds.oauth2.sdk.TokenRequest(URI.create(TOKEN_ENDPOINT),
                authentication, grant, null).toHTTPRequest()));
    }

    /** A token request of a public client as the Nimbus SDK sends it. */
    OAuth2Response token(String clientId, AuthorizationGrant grant) {
        return server.createTokenResponse(request(new com.nimbusds.oauth2.sdk.TokenRequest(URI.create(TOKEN_ENDPOINT),
                new ClientID(clientId), grant, null).toHTTPRequest()));
    }

    OAuth2Response clientCredentials(ClientAuthentication authentication) {
        return token(authentication, new ClientCredentialsGrant());
    }

    static OAuth2Request request(HTTPRequest http) {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = new LinkedHashMap<>(http.getHeaderMap());
        headers.remove("Content-Type");
        return OAuth2Request.of(http.getMethod().name(), http.getURI().toString(), headers, http.getBody(),
                FormUrlEncoding.CONTENT_TYPE);
    }

    static JsonObject json(OAuth2Response response) {
        return JsonSupport.parse(response.body()).asJsonObject();
    }

    // ---------------------------------------------------------------- in-memory stores

    /** Keys in a concurrent map, with how long each must be kept. */
    static final class Replays implements ReplayCache {

        final Map<String, Duration> recorded = new ConcurrentHashMap<>();

        @Override
        public boolean recordIfAbsent(String key, Duration lifetime) {
            return recorded.putIfAbsent(key, lifetime) == null;
        }
    }


    /** A client whose secret, when it has one, is held in clear (for client_secret_jwt) and as a hash. */
    record Client(String clientId, String secret, String method, Set<String> grantTypes, JsonObject metadata)
            implements OAuth2Client {

        @Override
        public String getClientId() {
            return clientId;
        }

        @Override
        public String getClientSecretHash() {
            return secret == null ? null : Secrets.sha256(secret);
        }

        @Override
        public String getClientSecret() {
            return secret;
        }

        @Override
        public String getTokenEndpointAuthMethod() {
            return method;
        }

        @Override
        public List<String> getRedirectUris() {
            return List.of("https://client.example/cb");
        }

        @Override
        public Set<String> getGrantTypes() {
            return grantTypes;
        }

        @Override
        public Set<String> getResponseTypes() {
            return Set.of();
        }

        @Override
        public String getScope() {
            return "profile email";
        }

        @Override
        public JsonObject getMetadata() {
            return metadata;
        }

        Client withMetadata(JsonObject newMetadata) {
            return new Client(clientId, secret, method, grantTypes, newMetadata);
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
            clients.putIfAbsent(client.getClientId(), client);
        }
    }

    /** Enough of a token store for tokens that are issued and looked at. */
    static final class Tokens implements TokenStore {

        final Map<String, OAuth2Token> byAccessHash = new ConcurrentHashMap<>();

        @Override
        public void save(OAuth2Token token) {
            byAccessHash.put(token.getAccessTokenHash(), token);
        }

        @Override
        public Optional<OAuth2Token> findByAccessTokenHash(String accessTokenHash) {
            return Optional.ofNullable(byAccessHash.get(accessTokenHash));
        }

        @Override
        public Optional<OAuth2Token> findByRefreshTokenHash(String refreshTokenHash) {
            return byAccessHash.values().stream()
                    .filter(token -> refreshTokenHash.equals(token.getRefreshTokenHash())).findFirst();
        }

        @Override
        public boolean revoke(String accessTokenHash) {
            return false;
        }

        @Override
        public void revokeGrant(String grantId) {
        }

        @Override
        public boolean isGrantRevoked(String grantId) {
            return false;
        }

        @Override
        public List<String> revokeAll(String username, String clientId) {
            return List.of();
        }
    }

}
