package dev.tollgate.oauth1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading requests: parameter locations, duplicates, malformed input and limits (RFC 5849 §3.5). */
class OAuth1RequestTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static OAuth1Request withAuthorization(String value) throws OAuth1Error {
        return OAuth1Request.from("GET", "https://example.com/r", Map.of("Authorization", List.of(value)), null, null);
    }

    private static OAuth1Error errorOf(org.junit.jupiter.api.function.Executable read) {
        return assertThrows(OAuth1Error.class, read);
    }

    @ParameterizedTest
    @EnumSource(ParameterLocation.class)
    void protocolParametersFromEachLocation(ParameterLocation location) throws OAuth1Error {
        OAuth1Request request = new SignedRequestBuilder("POST", "https://example.com/r?q=1")
                .oauth("oauth_consumer_key", "key").oauth("oauth_nonce", "n o+n/ce")
                .bodyParameter("b", "2").location(location).build();
        assertEquals(location, request.protocolLocation().orElseThrow());
        assertEquals("key", request.clientId());
        assertEquals("n o+n/ce", request.nonce());
        assertEquals("1", request.parameter("q"));
        assertEquals("2", request.parameter("b"));
    }

    @Test
    void headerSchemeIsCaseInsensitiveAndRealmIsKeptApart() throws OAuth1Error {
        OAuth1Request request = withAuthorization("oauth realm=\"Photos\",oauth_consumer_key=\"a%20b\" ,  oauth_token=\"\"");
        assertEquals("Photos", request.realm().orElseThrow());
        assertEquals("a b", request.clientId());
        assertEquals("", request.token());
        assertEquals(2, request.parameters().size());
        assertEquals(ParameterLocation.AUTHORIZATION_HEADER, request.protocolLocation().orElseThrow());
    }

    @Test
    void headerNamesAreLookedUpCaseInsensitively() throws OAuth1Error {
        OAuth1Request request = OAuth1Request.from("get", "https://example.com/",
                Map.of("authorization", List.of("OAUTH oauth_consumer_key=\"k\"")), null, null);
        assertEquals("k", request.clientId());
        assertEquals("GET", request.method());
        assertEquals("OAUTH oauth_consumer_key=\"k\"", request.header("AUTHORIZATION"));
    }

    @Test
    void emptyOAuthHeaderHasNoParameters() throws OAuth1Error {
        assertTrue(withAuthorization("OAuth").parameters().isEmpty());
        assertTrue(withAuthorization("OAuth   ").protocolLocation().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Bearer abc", "Basic dXNlcjpwYXNz", "OAuthoauth_token=\"x\"", "garbage", "",
        "OAuth oauth_token=\"unterminated", "OAuth oauth_token=unquoted", "OAuth oauth_token", "OAuth =\"x\"",
        "OAuth a=\"1\" b=\"2\"", "OAuth a=\"1\",,", "OAuth oauth_token=\"%zz\"", "OAuth oauth_token=\"%E5%95\"",
        "OAuth realm=\"a\", realm=\"b\""
    })
    void malformedOrForeignAuthorizationHeaderIsAnOAuthError(String header) {
        OAuth1Error error = errorOf(() -> withAuthorization(header));
        assertEquals("invalid_request", error.error());
        assertEquals(400, error.status());
    }

    @Test
    void twoAuthorizationHeadersAreRefused() {
        OAuth1Error error = errorOf(() -> OAuth1Request.from("GET", "https://example.com/",
                Map.of("Authorization", List.of("OAuth a=\"1\"", "OAuth b=\"2\"")), null, null));
        assertEquals("invalid_request", error.error());
    }

    @Test
    void protocolParametersInTwoLocationsAreDuplicated() {
        OAuth1Error error = errorOf(() -> OAuth1Request.from("POST", "https://example.com/?oauth_nonce=1",
                Map.of("Authorization", List.of("OAuth oauth_consumer_key=\"k\"")), null, null));
        assertEquals("duplicated_oauth_protocol_parameter", error.error());
        assertEquals(400, error.status());
        OAuth1Error bodyAndQuery = errorOf(() -> OAuth1Request.from("POST", "https://example.com/?oauth_nonce=1",
                Map.of(), "oauth_consumer_key=k", FORM));
        assertEquals("duplicated_oauth_protocol_parameter", bodyAndQuery.error());
    }

    @Test
    void protocolParameterRepeatedInOneLocationIsDuplicated() {
        assertEquals("duplicated_oauth_protocol_parameter", errorOf(() -> OAuth1Request.from("GET",
                "https://example.com/?oauth_nonce=1&oauth_nonce=2", Map.of(), null, null)).error());
        assertEquals("duplicated_oauth_protocol_parameter", errorOf(() -> OAuth1Request.from("POST",
                "https://example.com/", Map.of(), "oauth_token=a&oauth_token=a", FORM)).error());
        assertEquals("duplicated_oauth_protocol_parameter",
                errorOf(() -> withAuthorization("OAuth oauth_token=\"a\", oauth_token=\"b\"")).error());
    }

    @Test
    void repeatedOrdinaryParametersAreAllKept() throws OAuth1Error {
        OAuth1Request request = OAuth1Request.from("POST", "https://example.com/?a=1&a=2", Map.of(), "a=3&a=1", FORM);
        assertEquals(List.of("3", "1", "1", "2"),
                request.parameters().stream().filter(p -> p.name().equals("a")).map(Parameter::value).toList());
        assertTrue(SignatureBaseString.of(request).endsWith("a%3D1%26a%3D1%26a%3D2%26a%3D3"));
    }

    @Test
    void bodyIsReadOnlyWhenFormEncoded() throws OAuth1Error {
        assertTrue(OAuth1Request.from("POST", "https://example.com/", Map.of(), "a=1", "application/json")
                .parameters().isEmpty());
        assertTrue(OAuth1Request.from("POST", "https://example.com/", Map.of(), "a=1", null).parameters().isEmpty());
        assertEquals("1", OAuth1Request.from("POST", "https://example.com/", Map.of(), "a=1",
                "Application/X-WWW-Form-Urlencoded; charset=UTF-8").parameter("a"));
    }

    @Test
    void malformedPercentEscapesAreAnOAuthError() {
        assertEquals("invalid_request", errorOf(() -> OAuth1Request.from("POST", "https://example.com/", Map.of(),
                "a=%G1", FORM)).error());
        assertEquals("invalid_request", errorOf(() -> OAuth1Request.from("GET", "https://example.com/?a=%",
                Map.of(), null, null)).error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/relative", "ftp://example.com/", "https:opaque", "http://exa mple.com/", "https:///x"})
    void requestUriMustBeAbsoluteHttp(String uri) {
        assertEquals("invalid_request", errorOf(() -> OAuth1Request.from("GET", uri, Map.of(), null, null)).error());
    }

    @Test
    void methodMustBeAToken() {
        assertEquals("invalid_request",
                errorOf(() -> OAuth1Request.from("GE T", "https://example.com/", Map.of(), null, null)).error());
        assertEquals("invalid_request",
                errorOf(() -> OAuth1Request.from(null, "https://example.com/", Map.of(), null, null)).error());
    }

    @Test
    void limitsAreEnforced() {
        RequestLimits small = new RequestLimits(40, 30, 10, 3);
        assertEquals("invalid_request", errorOf(() -> OAuth1Request.from("GET",
                "https://example.com/" + "a".repeat(40), Map.of(), null, null, small)).error());
        assertEquals("invalid_request", errorOf(() -> OAuth1Request.from("GET", "https://example.com/",
                Map.of("Authorization", List.of("OAuth oauth_consumer_key=\"" + "k".repeat(30) + "\"")), null, null,
                small)).error());
        assertEquals("invalid_request", errorOf(() -> OAuth1Request.from("POST", "https://example.com/", Map.of(),
                "a=" + "1".repeat(10), FORM, small)).error());
        assertEquals("invalid_request", errorOf(() -> OAuth1Request.from("GET", "https://example.com/?a&b&c&d",
                Map.of(), null, null, small)).error());
    }

    @Test
    void defaultLimitsRefuseAFloodOfParameters() {
        String flood = "a=1&".repeat(RequestLimits.DEFAULT.maxParameters() + 1);
        assertEquals("invalid_request",
                errorOf(() -> OAuth1Request.from("POST", "https://example.com/", Map.of(), flood, FORM)).error());
    }
}
