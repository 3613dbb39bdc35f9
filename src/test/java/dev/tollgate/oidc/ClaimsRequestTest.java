package dev.tollgate.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.oauth2.OAuth2Error;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code claims} request parameter (Core §5.5). */
class ClaimsRequestTest {

    private static void invalid(String parameter) {
        OAuth2Error error = assertThrows(OAuth2Error.class, () -> ClaimsRequest.parse(parameter), parameter);
        assertEquals("invalid_request", error.error());
    }

    private static String claims(int count) {
        return IntStream.range(0, count).mapToObj(i -> "\"c" + i + "\":null").collect(Collectors.joining(",", "{",
                "}"));
    }

    @Test
    void theNamesOfBothTargetsAreRead() {
        ClaimsRequest request = ClaimsRequest.parse("{\"userinfo\":{\"given_name\":{\"essential\":true},"
                + "\"nickname\":null,\"email\":{\"essential\":true},\"email_verified\":{\"essential\":true},"
                + "\"picture\":null},"
                + "\"id_token\":{\"auth_time\":{\"essential\":true},\"acr\":{\"values\":[\"urn:mace:incommon:iap:silver\"]}}}");
        assertEquals(Set.of("given_name", "nickname", "email", "email_verified", "picture"), request.userInfo());
        assertEquals(Set.of("auth_time", "acr"), request.idToken());
    }

    @Test
    void theExampleOfTheSpecificationIsAccepted() {
        // Core §5.5's own example asks for a collision-resistant claim name (§5.1.2), a URI
        ClaimsRequest request = ClaimsRequest.parse("{\"userinfo\":{\"given_name\":{\"essential\":true},"
                + "\"nickname\":null,\"email\":{\"essential\":true},\"email_verified\":{\"essential\":true},"
                + "\"picture\":null,\"http://example.info/claims/groups\":null},"
                + "\"id_token\":{\"auth_time\":{\"essential\":true},\"acr\":{\"values\":[\"urn:mace:incommon:iap:silver\"]}}}");
        assertTrue(request.userInfo().contains("http://example.info/claims/groups"), request.userInfo().toString());
    }

    @Test
    void aMissingOrNullTargetAsksForNothing() {
        assertEquals(new ClaimsRequest(Set.of(), Set.of()), ClaimsRequest.parse("{}"));
        assertEquals(Set.of(), ClaimsRequest.parse("{\"userinfo\":null,\"id_token\":{\"name\":null}}").userInfo());
        assertEquals(Set.of("name"), ClaimsRequest.parse("{\"userinfo\":{\"name\":null}}").userInfo());
        assertEquals(Set.of(), ClaimsRequest.parse("{\"userinfo\":{\"name\":null}}").idToken());
    }

    @Test
    void otherMembersAreIgnored() {
        assertEquals(Set.of("email"), ClaimsRequest.parse("{\"userinfo\":{\"email\":null},\"verified_claims\":"
                + "{\"x\":1},\"extra\":[1,2]}").userInfo());
    }

    @Test
    void individualRequestsMayAskForValues() {
        assertEquals(Set.of("sub", "email"), ClaimsRequest.parse("{\"id_token\":{\"sub\":{\"value\":\"248289761001\"},"
                + "\"email\":{\"essential\":false,\"values\":[\"a@b.c\"]}}}").idToken());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"userinfo\":", "[]", "\"claims\"", "42", "null", "true",
        "{\"userinfo\":[\"email\"]}", "{\"userinfo\":\"email\"}", "{\"id_token\":42}",
        "{\"userinfo\":{\"email\":true}}", "{\"userinfo\":{\"email\":\"yes\"}}", "{\"userinfo\":{\"email\":[]}}",
        "{\"userinfo\":{\"e mail\":null}}", "{\"userinfo\":{\"\":null}}",
        "{\"id_token\":{\"em\\\"ail\":null}}"})
    void aMalformedParameterIsInvalidRequest(String parameter) {
        invalid(parameter);
    }

    @Test
    void trailingTextAfterTheObjectIsNotJson() {
        // RFC 8259 §2: a JSON text is one value; Core §5.5: the parameter is a JSON object
        invalid("{\"userinfo\":{\"email\":null}} {\"id_token\":{\"name\":null}}");
    }

    @Test
    void aClaimNameIsAtMost255Characters() {
        assertEquals(Set.of("n".repeat(255)), ClaimsRequest.parse("{\"userinfo\":{\"" + "n".repeat(255) + "\":null}}")
                .userInfo());
        invalid("{\"userinfo\":{\"" + "n".repeat(256) + "\":null}}");
    }

    @Test
    void eachTargetNamesAtMost24Claims() {
        assertEquals(24, ClaimsRequest.parse("{\"userinfo\":" + claims(24) + ",\"id_token\":" + claims(24) + "}")
                .userInfo().size());
        invalid("{\"userinfo\":" + claims(25) + "}");
        invalid("{\"id_token\":" + claims(25) + "}");
    }

    @Test
    void theParameterIsAtMost4096Characters() {
        String json = "{\"userinfo\":{\"email\":null}}";
        String longest = json + " ".repeat(ClaimsRequest.MAX_LENGTH - json.length());
        assertEquals(4096, longest.length());
        assertEquals(Set.of("email"), ClaimsRequest.parse(longest).userInfo());
        invalid(longest + " ");
    }

    @Test
    void deeplyNestedValuesAreRefusedOrReadWithoutFailure() {
        String deep = "{\"userinfo\":{\"email\":" + "{\"a\":".repeat(1000) + "null" + "}".repeat(1000) + "}}";
        invalid(deep); // longer than 4096 characters
        String nested = "{\"userinfo\":{\"email\":" + "{\"a\":".repeat(300) + "null" + "}".repeat(300) + "}}";
        assertTrue(nested.length() <= ClaimsRequest.MAX_LENGTH);
        assertEquals(Set.of("email"), ClaimsRequest.parse(nested).userInfo());
    }

    @Test
    void theSetsCannotBeChanged() {
        ClaimsRequest request = ClaimsRequest.parse("{\"userinfo\":{\"email\":null}}");
        assertThrows(UnsupportedOperationException.class, () -> request.userInfo().add("name"));
        assertThrows(UnsupportedOperationException.class, () -> request.idToken().add("name"));
    }
}
