package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.basic;
import static dev.tollgate.oauth2.Fixture.json;
import static dev.tollgate.oauth2.Fixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tollgate.common.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAuthenticationTest {

    private final Fixture f = new Fixture();

    private OAuth2Response clientCredentials(String authorization, String... extra) {
        return f.token(params(concat(new String[] {"grant_type", "client_credentials"}, extra)), authorization);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void assertBasicChallenge(OAuth2Response response) {
        assertEquals(401, response.status());
        assertEquals("invalid_client", json(response).getString("error"));
        assertEquals("Basic realm=\"tollgate\"", response.header("WWW-Authenticate"));
    }

    @Test
    void clientSecretBasicWorks() {
        assertEquals(200, clientCredentials(basic("demo-client", "demo-secret")).status());
    }

    @Test
    void wrongBasicSecretIs401WithChallenge() {
        assertBasicChallenge(clientCredentials(basic("demo-client", "wrong")));
    }

    @Test
    void unknownBasicClientIs401WithChallenge() {
        assertBasicChallenge(clientCredentials(basic("nobody", "demo-secret")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic !!!", "Basic " + "bm9jb2xvbg==", "Basic JTZ6OmE="})
    void malformedBasicCredentialsAre401(String header) {
        assertBasicChallenge(clientCredentials(header));
    }

    @Test
    void basicCredentialsAreFormDecoded() {
        String id = "we:ird+id é";
        f.clients.add(TestClient.confidential(id, "p@ss:w+rd", "client_secret_basic"));
        assertEquals(200, clientCredentials(basic(id, "p@ss:w+rd")).status());
        String raw = "Basic " + Base64.getEncoder().encodeToString((id + ":p@ss:w+rd").getBytes(StandardCharsets.UTF_8));
        assertBasicChallenge(clientCredentials(raw)); // '+' decodes to a space, so the unencoded form fails
    }

    @Test
    void clientSecretPostWorks() {
        assertEquals(200, clientCredentials(null, "client_id", "demo-post-client", "client_secret", "demo-post-secret").status());
    }

    @Test
    void wrongPostSecretIs400() {
        OAuth2Response response = clientCredentials(null, "client_id", "demo-post-client", "client_secret", "wrong");
        assertEquals(400, response.status());
        assertEquals("invalid_client", json(response).getString("error"));
        assertNull(response.header("WWW-Authenticate"));
    }

    @Test
    void aClientIsHeldToItsRegisteredMethod() {
        assertBasicChallenge(clientCredentials(basic("demo-post-client", "demo-post-secret")));
        assertBasicChallenge(clientCredentials(null, "client_id", "demo-client", "client_secret", "demo-secret"));
    }

    @Test
    void twoMethodsAtOnceAreInvalidRequest() {
        OAuth2Response response = clientCredentials(basic("demo-client", "demo-secret"), "client_secret", "demo-secret");
        assertEquals("invalid_request", json(response).getString("error"));
    }

    @Test
    void clientIdMustMatchTheBasicCredentials() {
        assertBasicChallenge(clientCredentials(basic("demo-client", "demo-secret"), "client_id", "demo-post-client"));
    }

    @Test
    void noCredentialsAtAllIsInvalidClient() {
        assertEquals("invalid_client", json(clientCredentials(null)).getString("error"));
    }

    @Test
    void publicClientAuthenticatesWithItsIdOnly() {
        OAuth2Request request = Fixture.post("/oauth2/token", params("client_id", "demo-public"), null);
        assertEquals("demo-public", f.server.capabilities().clientAuthentication().authenticate(request, false).getClientId());
    }

    @Test
    void publicClientCannotUseConfidentialOnlyGrants() {
        OAuth2Response response = clientCredentials(null, "client_id", "demo-public");
        assertEquals("invalid_client", json(response).getString("error"));
    }

    @Test
    void confidentialClientCannotSkipAuthentication() {
        assertBasicChallenge(f.token(params("grant_type", "refresh_token", "refresh_token", "x", "client_id", "demo-client"), null));
    }

    @Test
    void secretsAreComparedWithTheStoredHash() {
        OAuth2Client client = f.clients.find("demo-client").orElseThrow();
        assertEquals(Secrets.sha256("demo-secret"), client.getClientSecretHash());
        assertEquals(true, client.checkClientSecret("demo-secret"));
        assertEquals(false, client.checkClientSecret("demo-secreT"));
        assertEquals(false, f.clients.find("demo-public").orElseThrow().checkClientSecret(""));
    }

    @Test
    void aClientWithoutARegisteredMethodIsRefusedNotAnError() {
        f.clients.add(new TestClient("odd", Secrets.sha256("odd-secret"), null, List.of(Fixture.REDIRECT_URI),
                Set.of("client_credentials"), Set.of(), "profile", false, jakarta.json.JsonValue.EMPTY_JSON_OBJECT));
        OAuth2Response response = f.token(params("grant_type", "client_credentials", "client_id", "odd",
                "client_secret", "odd-secret"), null);
        assertEquals(400, response.status());
        assertEquals("invalid_client", json(response).getString("error"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "demo-client\u0000", "a\nb", "\u007f"})
    void controlCharactersInAClientIdAreRefusedBeforeAnyLookup(String clientId) {
        ClientStore watched = new ClientStore() {
            @Override
            public java.util.Optional<OAuth2Client> find(String id) {
                throw new AssertionError("looked up " + id);
            }

            @Override
            public void save(RegisteredClient client) {
            }
        };
        ClientAuthenticator authenticator = OAuth2Server.builder(f.settings, TokenSettings.DEFAULT, watched, f.tokens,
                f.clock).build().capabilities().clientAuthentication();
        OAuth2Error error = org.junit.jupiter.api.Assertions.assertThrows(OAuth2Error.class, () -> authenticator
                .authenticate(Fixture.post("/oauth2/token", params("client_id", clientId), null), false));
        assertEquals("invalid_client", error.error());
        OAuth2Error consent = org.junit.jupiter.api.Assertions.assertThrows(OAuth2Error.class, () -> f.server
                .validateConsentRequest(Fixture.authorizeRequest(params("client_id", clientId, "response_type", "code"))));
        assertEquals("invalid_client", consent.error());
    }
}
