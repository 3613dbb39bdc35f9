package dev.tollgate.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.oauth2.BearerSettings;
import dev.tollgate.oauth2.ClientStore;
import dev.tollgate.oauth2.GrantSettings;
import dev.tollgate.oauth2.OAuth2Client;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.OAuth2Response;
import dev.tollgate.oauth2.OAuth2Server;
import dev.tollgate.oauth2.OAuth2Settings;
import dev.tollgate.oauth2.OAuth2Token;
import dev.tollgate.oauth2.PkceSettings;
import dev.tollgate.oauth2.RegisteredClient;
import dev.tollgate.oauth2.RegistrationEndpoint;
import dev.tollgate.oauth2.RegistrationSettings;
import dev.tollgate.oauth2.ResourceProtector;
import dev.tollgate.oauth2.TokenSettings;
import dev.tollgate.oauth2.TokenStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsers behind whole endpoints, fuzzed through the server: client metadata JSON at the registration
 * endpoint and the bearer challenge reader of the resource protector. Every input is answered, never thrown,
 * and never with a 5xx.
 */
class EndpointsFuzzTest {

    /** Stores that keep nothing: the parsers are under test, not storage. */
    private static final ClientStore CLIENTS = new ClientStore() {
        @Override
        public Optional<OAuth2Client> find(String clientId) {
            return Optional.empty();
        }

        @Override
        public void save(RegisteredClient client) {
        }
    };

    private static final TokenStore TOKENS = new TokenStore() {
        @Override
        public void save(OAuth2Token token) {
        }

        @Override
        public Optional<OAuth2Token> findByAccessTokenHash(String hash) {
            return Optional.empty();
        }

        @Override
        public Optional<OAuth2Token> findByRefreshTokenHash(String hash) {
            return Optional.empty();
        }

        @Override
        public boolean revoke(String hash) {
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
    };

    private static final OAuth2Server SERVER = OAuth2Server.builder(
                    OAuth2Settings.builder("https://as.example").scopesSupported(Set.of("profile", "email")).build(),
                    TokenSettings.DEFAULT, CLIENTS, TOKENS, Clock.systemUTC())
            .standardGrants(null, (u, p) -> Optional.empty(), GrantSettings.DEFAULT, PkceSettings.DEFAULT)
            .standardEndpoints(RegistrationSettings.OPEN)
            .build();

    @FuzzTest
    void clientMetadataJson(FuzzedDataProvider data) {
        String json = data.consumeRemainingAsString();
        OAuth2Response response;
        try {
            response = SERVER.createEndpointResponse(RegistrationEndpoint.NAME, OAuth2Request.of("POST",
                    "https://as.example/oauth2/register", Map.of(), json, "application/json"));
        } catch (OAuth2Error tooLong) {
            return; // OAuth2Request refuses a body over its limit before the endpoint sees it
        }
        assertTrue(response.status() == 201 || response.status() == 400, response + " " + response.body());
    }

    @FuzzTest
    void bearerChallenge(FuzzedDataProvider data) {
        ResourceProtector protector = SERVER.resourceProtector(new BearerSettings(data.consumeBoolean()));
        String authorization = data.consumeString(1000);
        String body = data.consumeRemainingAsString();
        try {
            OAuth2Request request = OAuth2Request.of("POST", "https://rs.example/api", Map.of("Authorization",
                    List.of(authorization)), body, "application/x-www-form-urlencoded");
            protector.validateRequest(request, "profile", "email admin");
            throw new AssertionError("no token is valid here");
        } catch (OAuth2Error refused) {
            assertTrue(refused.status() == 400 || refused.status() == 401 || refused.status() == 403,
                    refused.toString());
        }
    }
}
