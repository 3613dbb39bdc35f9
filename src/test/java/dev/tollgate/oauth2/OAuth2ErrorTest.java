package dev.tollgate.oauth2;

import static dev.tollgate.oauth2.Fixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class OAuth2ErrorTest {

    @Test
    void directErrorsAreNonCacheableJson() {
        OAuth2Response response = OAuth2Response.fromError(
                OAuth2Error.invalidGrant("Bad code.").withUri("https://as.example/errors/invalid_grant"), "https://as.example");
        assertEquals(400, response.status());
        assertEquals("application/json", response.header("content-type"));
        assertEquals("no-store", response.header("Cache-Control"));
        assertEquals("no-cache", response.header("Pragma"));
        JsonObject body = json(response);
        assertEquals("invalid_grant", body.getString("error"));
        assertEquals("Bad code.", body.getString("error_description"));
        assertEquals("https://as.example/errors/invalid_grant", body.getString("error_uri"));
        assertFalse(body.containsKey("iss"));
    }

    @Test
    void redirectedErrorsCarryStateAndIssuerIn303() {
        OAuth2Response response = OAuth2Response.fromError(
                OAuth2Error.invalidScope("Nope").redirectTo("https://app.example/cb", "a b", ResponseMode.QUERY), "https://as.example");
        assertEquals(303, response.status());
        assertEquals("https://app.example/cb?error=invalid_scope&error_description=Nope&state=a%20b&iss=https%3A%2F%2Fas.example",
                response.header("Location"));
    }

    @Test
    void fragmentErrorsGoInTheFragment() {
        OAuth2Response response = OAuth2Response.fromError(
                OAuth2Error.accessDenied(null).redirectTo("https://app.example/cb", null, ResponseMode.FRAGMENT), "https://as.example");
        assertEquals("https://app.example/cb#error=access_denied&iss=https%3A%2F%2Fas.example", response.header("Location"));
    }
}
