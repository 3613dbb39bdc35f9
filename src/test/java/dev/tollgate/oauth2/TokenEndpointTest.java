package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.basic;
import static dev.tollgate.oauth2.Fixture.json;
import static dev.tollgate.oauth2.Fixture.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tollgate.common.Secrets;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {

    private final Fixture f = new Fixture();

    @Test
    void missingGrantTypeIsInvalidRequest() {
        assertEquals("invalid_request", json(f.token(params("scope", "profile"))).getString("error"));
    }

    @Test
    void unknownGrantTypeIsUnsupported() {
        OAuth2Response response = f.token(params("grant_type", "urn:example:magic"));
        assertEquals(400, response.status());
        assertEquals("unsupported_grant_type", json(response).getString("error"));
    }

    @Test
    void onlyPostIsAccepted() {
        OAuth2Request request = OAuth2Request.of("GET", Fixture.ISSUER + "/oauth2/token?grant_type=client_credentials",
                Map.of("Authorization", List.of(basic("demo-client", "demo-secret"))), null, null);
        assertEquals("invalid_request", json(f.server.createTokenResponse(request)).getString("error"));
    }

    @Test
    void grantTypeNotRegisteredForTheClientIsUnauthorizedClient() {
        OAuth2Response response = f.token(params("grant_type", "password", "username", "alice", "password", "wonderland",
                "client_id", "demo-public"), null);
        assertEquals("unauthorized_client", json(response).getString("error"));
    }

    @Test
    void clientCredentialsIssuesATokenWithoutUserOrRefreshToken() {
        JsonObject token = json(f.token(params("grant_type", "client_credentials", "scope", "email")));
        assertEquals("email", token.getString("scope"));
        assertFalse(token.containsKey("refresh_token"));
        OAuth2Token stored = f.tokens.findByAccessTokenHash(Secrets.sha256(token.getString("access_token"))).orElseThrow();
        assertNull(stored.getUsername());
        assertEquals("demo-client", stored.getClientId());
    }

    @Test
    void clientCredentialsScopeIsValidated() {
        assertEquals("invalid_scope", json(f.token(params("grant_type", "client_credentials", "scope", "admin")))
                .getString("error"));
        assertEquals("invalid_scope", json(f.token(params("grant_type", "client_credentials", "scope", "nope")))
                .getString("error"));
    }

    @Test
    void lifetimesAreSetPerGrant() {
        Fixture custom = new Fixture(o -> o.tokens = TokenSettings.DEFAULT.withAccessTokenLifetimes(Map.of("client_credentials", Duration.ofMinutes(5))));
        assertEquals(300, json(custom.token(params("grant_type", "client_credentials"))).getInt("expires_in"));
        assertEquals(3600, custom.codeToken(null).getInt("expires_in"));
    }

    @Test
    void passwordGrantIssuesTokens() {
        JsonObject token = json(f.token(params("grant_type", "password", "username", "alice", "password", "wonderland",
                "scope", "profile")));
        assertEquals("profile", token.getString("scope"));
        OAuth2Token stored = f.tokens.findByAccessTokenHash(Secrets.sha256(token.getString("access_token"))).orElseThrow();
        assertEquals("alice", stored.getUsername());
        assertEquals(true, token.containsKey("refresh_token"));
    }

    @Test
    void wrongPasswordIsInvalidGrant() {
        OAuth2Response response = f.token(params("grant_type", "password", "username", "alice", "password", "nope"));
        assertEquals(400, response.status());
        assertEquals("invalid_grant", json(response).getString("error"));
    }

    @Test
    void missingPasswordIsInvalidRequest() {
        assertEquals("invalid_request", json(f.token(params("grant_type", "password", "username", "alice")))
                .getString("error"));
    }

    @Test
    void passwordGrantIsOffUnlessEnabled() {
        Fixture strict = new Fixture(o -> o.grants = new GrantSettings(true, false));
        assertEquals("unsupported_grant_type", json(strict.token(params("grant_type", "password", "username", "alice",
                "password", "wonderland"))).getString("error"));
    }

    @Test
    void tokenGeneratorIsReplaceable() {
        Fixture custom = new Fixture(o -> o.builder = b -> b.accessTokenGenerator(context -> "at-" + context.grantType()));
        assertEquals("at-client_credentials", json(custom.token(params("grant_type", "client_credentials")))
                .getString("access_token"));
    }

    @Test
    void eventsReportIssuedTokens() {
        List<OAuth2Token> issued = new java.util.ArrayList<>();
        Fixture observed = new Fixture(o -> o.builder = b -> b.events(new OAuth2EventListener() {
            @Override
            public void tokenIssued(OAuth2Token token) {
                issued.add(token);
            }
        }));
        observed.token(params("grant_type", "client_credentials"));
        assertEquals(1, issued.size());
    }
}
