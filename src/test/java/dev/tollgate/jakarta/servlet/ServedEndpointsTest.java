package dev.tollgate.jakarta.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.jakarta.oauth2.RegistrationServlet;
import dev.tollgate.jakarta.oauth2.RevocationServlet;
import dev.tollgate.jakarta.oauth2.TokenServlet;
import dev.tollgate.oauth2.IntrospectionEndpoint;
import dev.tollgate.oauth2.OAuth2Settings;
import dev.tollgate.oauth2.RegistrationEndpoint;
import dev.tollgate.oauth2.RevocationEndpoint;
import dev.tollgate.oidc.OpenIdProvider;
import jakarta.servlet.http.HttpServlet;
import org.junit.jupiter.api.Test;

class ServedEndpointsTest {

    private static final OAuth2Settings SETTINGS = OAuth2Settings.builder("https://as.example").build();

    @Test
    void theContextPathGoesBetweenTheIssuerAndThePathUnlessTheIssuerEndsWithIt() {
        assertEquals("", ServedEndpoints.prefix("https://as.example", ""));
        assertEquals("/app", ServedEndpoints.prefix("https://as.example", "/app"));
        assertEquals("", ServedEndpoints.prefix("https://as.example/app", "/app"));
        assertEquals("", ServedEndpoints.prefix("https://as.example/tenant", ""));
    }

    @Test
    void servesWhatIsMappedWhereItIsMapped() {
        FakeServletContext app = new FakeServletContext("/app").servlet(TokenServlet.class, "/oauth2/token")
                .servlet(RevocationServlet.class, "/revoke").servlet(RegistrationServlet.class, "/reg/*", "/reg")
                .servlet(HttpServlet.class, "/oauth2/authorize");
        OAuth2Settings served = ServedEndpoints.of(SETTINGS, app.context());
        assertEquals("https://as.example/app/oauth2/token", served.endpointUrl(OAuth2Settings.TOKEN));
        assertEquals("https://as.example/app/revoke", served.endpointUrl(RevocationEndpoint.NAME));
        assertEquals("https://as.example/app/reg", served.endpointUrl(RegistrationEndpoint.NAME));
        assertEquals("https://as.example/app/oauth2/authorize", served.endpointUrl(OAuth2Settings.AUTHORIZATION));
        assertFalse(served.serves(IntrospectionEndpoint.NAME));
        assertFalse(served.serves(OpenIdProvider.END_SESSION), "no logout page is mapped");
    }

    @Test
    void outsideAWebApplicationTheSettingsAreAsTheyAre() {
        OAuth2Settings settings = ServedEndpoints.of(SETTINGS);
        assertTrue(settings.serves(IntrospectionEndpoint.NAME));
        assertEquals(SETTINGS, settings);
    }
}
