package dev.tollgate.oauth2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.FormUrlEncoding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OAuth2RequestTest {

    private static OAuth2Request form(String uri, String body) {
        return OAuth2Request.of("post", uri, Map.of(), body, FormUrlEncoding.CONTENT_TYPE + "; charset=UTF-8");
    }

    @Test
    void readsQueryAndFormWithTheirOrigins() {
        OAuth2Request request = form("https://as.example/t?a=1", "b=two+words&c=%C3%A9");
        assertEquals("POST", request.method());
        assertEquals("1", request.param("a"));
        assertNull(request.form("a"));
        assertEquals("two words", request.form("b"));
        assertEquals("é", request.param("c"));
        assertEquals(Map.of("a", "1"), request.query());
    }

    @ParameterizedTest
    @ValueSource(strings = {"?a=1&a=2|", "|a=1&a=1", "?a=1|a=2"})
    void repeatedParametersAreInvalidRequest(String queryAndBody) {
        String[] parts = queryAndBody.split("\\|", -1);
        OAuth2Error error = assertThrows(OAuth2Error.class, () -> form("https://as.example/t" + parts[0], parts[1]));
        assertEquals("invalid_request", error.error());
        assertFalse(error.isRedirect());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%zz", "a=%E9", "a=%4"})
    void malformedEncodingIsInvalidRequest(String body) {
        assertEquals("invalid_request", assertThrows(OAuth2Error.class, () -> form("https://as.example/t", body)).error());
    }

    @Test
    void oversizedInputIsRefused() {
        String big = "a=" + "x".repeat(OAuth2Request.MAX_BODY_LENGTH);
        assertEquals("invalid_request", assertThrows(OAuth2Error.class, () -> form("https://as.example/t", big)).error());
        String longUri = "https://as.example/t?a=" + "x".repeat(OAuth2Request.MAX_URI_LENGTH);
        assertThrows(OAuth2Error.class, () -> form(longUri, ""));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= OAuth2Request.MAX_PARAMETERS; i++) {
            many.append("p").append(i).append("=1&");
        }
        assertThrows(OAuth2Error.class, () -> form("https://as.example/t", many.toString()));
    }

    @Test
    void emptyValuesCountAsOmitted() {
        OAuth2Request request = form("https://as.example/t?scope=", "state=");
        assertNull(request.param("scope"));
        assertNull(request.form("state"));
    }

    @Test
    void headersAreCaseInsensitive() {
        OAuth2Request request = OAuth2Request.of("GET", "https://as.example/", Map.of("authorization", List.of("Bearer x")),
                null, null);
        assertEquals("Bearer x", request.header("AUTHORIZATION"));
        assertEquals("Bearer x", request.authorization());
    }

    @Test
    void repeatedAuthorizationHeaderIsInvalidRequest() {
        OAuth2Request request = OAuth2Request.of("GET", "https://as.example/",
                Map.of("Authorization", List.of("Bearer x", "Bearer y")), null, null);
        assertEquals("invalid_request", assertThrows(OAuth2Error.class, request::authorization).error());
    }

    @Test
    void aBodyThatIsNotAFormIsKeptRaw() {
        OAuth2Request request = OAuth2Request.of("POST", "https://as.example/", Map.of(), "{\"a\":1}", "application/json");
        assertTrue(request.form().isEmpty());
        assertEquals("{\"a\":1}", request.body());
    }
}
