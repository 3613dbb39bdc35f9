package dev.tollgate.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.common.FormUrlEncoding;
import dev.tollgate.common.PercentEncoding;
import dev.tollgate.oauth1.OAuth1Error;
import dev.tollgate.oauth1.OAuth1Request;
import dev.tollgate.oauth2.OAuth2Error;
import dev.tollgate.oauth2.OAuth2Request;
import dev.tollgate.oauth2.RedirectUris;
import java.util.List;
import java.util.Map;

/**
 * Every parser that reads attacker input, fuzzed by Jazzer: each may refuse an input only with its protocol's
 * own error ({@link OAuth1Error}, {@link OAuth2Error}, or {@link IllegalArgumentException} for the shared
 * decoders); any other exception fails the test. {@code mvn test} replays the inputs kept under
 * {@code src/test/resources/dev/tollgate/fuzz/}; {@code .ci/fuzz.sh} fuzzes each target for a fixed count of
 * inputs with Jazzer's command line, CI briefly and {@code RUNS=1000000} at length (docs/security.md).
 */
class ParsersFuzzTest {

    @FuzzTest
    void oauth1AuthorizationHeader(FuzzedDataProvider data) {
        String header = data.consumeString(2000);
        String query = data.consumeString(200);
        String body = data.consumeRemainingAsString();
        try {
            OAuth1Request request = OAuth1Request.from(data.pickValue(new String[] {"GET", "POST", "g e t"}),
                    "https://api.example/r?" + query, Map.of("Authorization", List.of(header)), body,
                    "application/x-www-form-urlencoded");
            assertTrue(request.parameters().size() <= 1000);
        } catch (OAuth1Error refused) {
            assertTrue(refused.status() >= 400 && refused.status() < 500, refused.toString());
        }
    }

    @FuzzTest
    void percentAndFormDecoding(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            PercentEncoding.decode(text, true);
        } catch (IllegalArgumentException refused) {
            // malformed escapes and bytes that are not UTF-8
        }
        try {
            List<Map.Entry<String, String>> pairs = FormUrlEncoding.parse(text);
            assertTrue(FormUrlEncoding.parse(FormUrlEncoding.format(pairs)).equals(pairs), "format reverses parse");
        } catch (IllegalArgumentException refused) {
            // malformed escapes and bytes that are not UTF-8
        }
    }

    @FuzzTest
    void oauth2Request(FuzzedDataProvider data) {
        String uri = data.consumeString(3000);
        String contentType = data.pickValue(new String[] {"application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=UTF-8", "application/json", "text/plain"});
        String authorization = data.consumeString(500);
        String body = data.consumeRemainingAsString();
        try {
            OAuth2Request request = OAuth2Request.of("POST", "https://as.example/oauth2/token?" + uri,
                    Map.of("Authorization", List.of(authorization)), body, contentType);
            request.param("client_id");
            request.authorization();
        } catch (OAuth2Error refused) {
            assertTrue(refused.status() == 400, refused.toString());
        }
    }

    @FuzzTest
    void redirectUris(FuzzedDataProvider data) {
        String registered = data.consumeString(300);
        String requested = data.consumeRemainingAsString();
        RedirectUris.matches(registered, requested);
        try {
            RedirectUris.checkRegistrable(registered);
            assertTrue(RedirectUris.matches(registered, registered), "a registrable URI matches itself");
        } catch (OAuth2Error refused) {
            assertTrue("invalid_redirect_uri".equals(refused.error()), refused.toString());
        }
    }
}
