package dev.tollgate.oauth1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The error table, and how errors and successes become responses. */
class OAuth1ResponseTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(new InvalidRequestError("bad"), "invalid_request", 400),
                Arguments.of(new MissingRequiredParameterError("oauth_token"), "missing_required_parameter", 400),
                Arguments.of(new DuplicatedOAuthProtocolParameterError("twice"), "duplicated_oauth_protocol_parameter", 400),
                Arguments.of(new UnsupportedSignatureMethodError(), "unsupported_signature_method", 400),
                Arguments.of(new InsecureTransportError(), "insecure_transport", 400),
                Arguments.of(new InvalidClientError(), "invalid_client", 401),
                Arguments.of(new InvalidTokenError(), "invalid_token", 401),
                Arguments.of(new InvalidSignatureError(), "invalid_signature", 401),
                Arguments.of(new InvalidNonceError(), "invalid_nonce", 401),
                Arguments.of(new InvalidTimestampError(), "invalid_timestamp", 401),
                Arguments.of(new AccessDeniedError(), "access_denied", 400),
                Arguments.of(new MethodNotAllowedError(), "method_not_allowed", 405));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void errorBecomesAFormEncodedResponse(OAuth1Error error, String code, int status) {
        assertEquals(code, error.error());
        assertEquals(status, error.status());
        OAuth1Response response = OAuth1Response.error(error);
        assertEquals(status, response.status());
        assertEquals(status == 405 ? List.of("Content-Type", "Cache-Control", "Pragma", "Allow")
                : List.of("Content-Type", "Cache-Control", "Pragma"), List.copyOf(response.headers().keySet()));
        assertEquals("application/x-www-form-urlencoded", response.headers().get("Content-Type"));
        assertEquals("no-store", response.headers().get("Cache-Control"));
        assertEquals("no-cache", response.headers().get("Pragma"));
        assertEquals(code, response.formParameters().get("error"));
        assertEquals(error.description(), response.formParameters().get("error_description"));
        assertEquals(status == 405 ? "POST" : null, response.headers().get("Allow"));
    }

    @Test
    void missingParameterNamesTheParameter() {
        assertEquals("error=missing_required_parameter&error_description=missing%20%22oauth_token%22%20in%20parameters",
                OAuth1Response.error(new MissingRequiredParameterError("oauth_token")).body());
    }

    @Test
    void formResponseKeepsOrderAndEncodes() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("oauth_token", "a b");
        body.put("oauth_token_secret", "c&d");
        assertEquals("oauth_token=a%20b&oauth_token_secret=c%26d", OAuth1Response.form(200, body).body());
    }

    @Test
    void redirectIsNotCached() {
        OAuth1Response redirect = OAuth1Response.redirect("https://client.example/cb?oauth_token=t");
        assertEquals(302, redirect.status());
        assertEquals("https://client.example/cb?oauth_token=t", redirect.location().orElseThrow());
        assertEquals("no-store", redirect.headers().get("Cache-Control"));
        assertEquals("", redirect.body());
    }
}
