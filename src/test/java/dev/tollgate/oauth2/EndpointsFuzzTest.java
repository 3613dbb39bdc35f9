package dev.tollgate.oauth2;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
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

    private static final OAuth2Server SERVER = OAuth2Server.builder(
                    OAuth2Settings.builder("https://as.example").scopesSupported(Set.of("profile", "email")).build(),
                    TokenSettings.DEFAULT, new InMemoryClientStore(), new InMemoryTokenStore(), Clock.systemUTC())
            .standardGrants(new InMemoryAuthorizationCodeStore(), (u, p) -> Optional.empty(), GrantSettings.DEFAULT,
                    PkceSettings.DEFAULT)
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
