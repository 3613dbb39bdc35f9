package dev.tollgate.jakarta.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.jakarta.config.TollgateConfig;
import dev.tollgate.jakarta.oauth1.OAuth1ResourceFilter;
import dev.tollgate.jakarta.oauth1.TemporaryCredentialServlet;
import dev.tollgate.jakarta.oauth1.TokenCredentialServlet;
import dev.tollgate.jakarta.oauth2.BearerTokenFilter;
import dev.tollgate.jakarta.oauth2.ConfiguredClients;
import dev.tollgate.jakarta.oauth2.MetadataServlet;
import dev.tollgate.jakarta.oauth2.RegistrationServlet;
import dev.tollgate.jakarta.oauth2.TokenServlet;
import dev.tollgate.jakarta.web.ConsentServlet;
import dev.tollgate.jakarta.web.OAuth1ConsentServlet;
import jakarta.servlet.http.HttpServlet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TollgateInitializerTest {

    private static FakeServletContext start(FakeServletContext app, Map<String, String> settings) {
        new TollgateInitializer(TollgateConfig.of(name -> Optional.ofNullable(settings.get(name))))
                .onStartup(Set.of(), app.context());
        return app;
    }

    @Test
    void mapsTheEndpointsWithoutUserInterfaceAndTheConsentPageAtTheirUsualPaths() {
        FakeServletContext app = start(new FakeServletContext("/app"), Map.of());
        assertEquals(List.of(TokenServlet.class.getName()), app.at("/oauth2/token"));
        assertEquals(List.of(MetadataServlet.class.getName()), app.at("/.well-known/oauth-authorization-server"));
        assertEquals(List.of(ConsentServlet.class.getName()), app.at("/oauth2/authorize"));
        for (String path : new String[] {"/oauth2/revoke", "/oauth2/introspect", "/oauth2/par", "/oauth2/jwks",
                "/oauth2/userinfo", "/.well-known/openid-configuration"}) {
            assertEquals(1, app.at(path).size(), path);
        }
        // anyone could register a client, the device flow needs a page, OAuth 1 is asked for: all off by default
        for (String path : new String[] {"/oauth2/register", "/oauth2/device_authorization", "/oauth1/initiate",
                "/oauth1/token"}) {
            assertTrue(app.at(path).isEmpty(), path);
        }
        assertEquals(List.of(StartupChecks.class, ConfiguredClients.class), app.listeners);
        assertEquals(true, app.attributes.get(StartupChecks.SERVES_OAUTH2));
    }

    @Test
    void leavesWhatTheApplicationMapsItself() {
        FakeServletContext app = start(new FakeServletContext("").servlet(TokenServlet.class, "/token")
                .servlet(HttpServlet.class, "/oauth2/authorize"), Map.of());
        assertTrue(app.at("/oauth2/token").isEmpty(), "the application's token servlet stays where it put it");
        assertEquals(List.of(HttpServlet.class.getName()), app.at("/oauth2/authorize"), "its own consent page");
    }

    @Test
    void configurationMovesSwitchesOnAndOff() {
        FakeServletContext app = start(new FakeServletContext(""), Map.of("tollgate.endpoint.token", "/token",
                "tollgate.endpoint.registration", "on", "tollgate.endpoint.par", "off"));
        assertEquals(List.of(TokenServlet.class.getName()), app.at("/token"));
        assertEquals(List.of(RegistrationServlet.class.getName()), app.at("/oauth2/register"));
        assertEquals(List.of(RegistrationServlet.class.getName()), app.at("/oauth2/register/*"));
        assertTrue(app.at("/oauth2/par").isEmpty());
    }

    @Test
    void mapsNothingWhenTold() {
        FakeServletContext app = start(new FakeServletContext(""), Map.of("tollgate.endpoints", "false"));
        assertTrue(app.servlets.isEmpty());
        assertEquals(false, app.attributes.get(StartupChecks.SERVES_OAUTH2));
    }

    @Test
    void aSettingThatIsNeitherAPathNorOnOrOffSaysWhatToWrite() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> start(new FakeServletContext(""), Map.of("tollgate.endpoint.token", "token")));
        assertEquals("The setting tollgate.endpoint.token is \"token\": write a path such as /oauth2/token, on or off",
                e.getMessage());
    }

    @Test
    void protectsThePatternsWithTheScopes() {
        FakeServletContext app = start(new FakeServletContext(""),
                Map.of("tollgate.protect", "/api/*, /v2/*", "tollgate.protect.scope", "profile,admin"));
        FakeServletContext.Mapped filter = app.filters.get("tollgate-bearer");
        assertEquals(BearerTokenFilter.class.getName(), filter.className());
        assertEquals(List.of("/api/*", "/v2/*"), filter.mappings());
        assertEquals(Map.of("scope", "profile,admin"), app.filterParameters.get("tollgate-bearer"));
    }

    @Test
    void overlappingResourceFiltersFailTheDeployment() {
        FakeServletContext app = new FakeServletContext("").filter(OAuth1ResourceFilter.class, "/api/oauth1/*");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> start(app, Map.of("tollgate.protect", "/api/*")));
        assertTrue(e.getMessage().startsWith("Tollgate cannot start: The URL patterns /api/* (BearerTokenFilter) "
                + "and /api/oauth1/* (OAuth1ResourceFilter) overlap"), e.getMessage());
    }

    @Test
    void oauth1IsOneSettingAwayAndItsFilterAnother() {
        FakeServletContext app = start(new FakeServletContext(""),
                Map.of("tollgate.oauth1", "true", "tollgate.protect.oauth1", "/oauth1-api/*"));
        assertEquals(List.of(TemporaryCredentialServlet.class.getName()), app.at("/oauth1/initiate"));
        assertEquals(List.of(TokenCredentialServlet.class.getName()), app.at("/oauth1/token"));
        assertEquals(List.of(OAuth1ConsentServlet.class.getName()), app.at("/oauth1/authorize"));
        assertEquals(new FakeServletContext.Mapped(OAuth1ResourceFilter.class.getName(), List.of("/oauth1-api/*")),
                app.filters.get("tollgate-oauth1"));
    }

    @Test
    void configuredFiltersThatOverlapFailTheDeploymentToo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> start(new FakeServletContext(""),
                Map.of("tollgate.protect", "/api/*", "tollgate.protect.oauth1", "/api/oauth1/*")));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
    }
}
