package dev.tollgate.oauth1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5849 §3.4.1, OAuth Core 1.0a Appendix A, wiki.oauth.net test cases and the Twitter example. */
class SignatureBaseStringTest {

    @Test
    void rfc5849Section341Example() throws OAuth1Error {
        OAuth1Request request = OAuth1Request.from("POST", "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
                Map.of("Authorization", List.of("OAuth realm=\"Example\", oauth_consumer_key=\"9djdj82h48djs9d2\", "
                        + "oauth_token=\"kkk9d7dh3k39sjv7\", oauth_signature_method=\"HMAC-SHA1\", "
                        + "oauth_timestamp=\"137131201\", oauth_nonce=\"7d8f3e4a\", "
                        + "oauth_signature=\"djosJKDKJSD8743243%2Fjdk33klY%3D\"")),
                "c2&a3=2+q", "application/x-www-form-urlencoded");
        assertEquals("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D"
                + "%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a"
                + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7",
                SignatureBaseString.of(request));
    }

    @ParameterizedTest
    @CsvSource({
        "http://EXAMPLE.COM:80/r%20v/X?id=123, http://example.com/r%20v/X",
        "https://www.example.net:8080/?q=1, https://www.example.net:8080/",
        "HTTPS://Example.COM:443, https://example.com/",
        "http://example.com:8080/a#frag, http://example.com:8080/a",
        "https://example.com:80/p, https://example.com:80/p",
        "http://i.b, http://i.b/"
    })
    void baseStringUri(String uri, String expected) {
        assertEquals(expected, SignatureBaseString.baseStringUri(URI.create(uri)));
    }

    @Test
    void appendixA51() throws OAuth1Error {
        OAuth1Request request = OAuth1Request.from("GET", "http://photos.example.net/photos?file=vacation.jpg&size=original",
                Map.of("Authorization", List.of("OAuth realm=\"http://photos.example.net/\", "
                        + "oauth_consumer_key=\"dpf43f3p2l4k3l03\", oauth_token=\"nnch734d00sl2jdk\", "
                        + "oauth_signature_method=\"HMAC-SHA1\", oauth_signature=\"tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D\", "
                        + "oauth_timestamp=\"1191242096\", oauth_nonce=\"kllo9940pd9333jh\", oauth_version=\"1.0\"")),
                null, null);
        assertEquals("GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03"
                + "%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096"
                + "%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal", SignatureBaseString.of(request));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "name|name=",
        "a=b|a=b",
        "a=b&c=d|a=b&c=d",
        "a=x!y&a=x+y|a=x%20y&a=x%21y",
        "x!y=a&x=a|x=a&x%21y=a"
    })
    void wikiNormalizedParameters(String query, String expected) throws OAuth1Error {
        OAuth1Request request = OAuth1Request.from("GET", "http://example.com/?" + query, Map.of(), null, null);
        List<Map.Entry<String, String>> pairs = request.parameters().stream()
                .map(p -> Map.entry(p.name(), p.value())).toList();
        assertEquals(expected, SignatureBaseString.normalizeParameters(pairs));
    }

    @Test
    void wikiConcatenation() {
        assertEquals("GET&http%3A%2F%2Fexample.com%2F&n%3Dv",
                SignatureBaseString.of("GET", URI.create("http://example.com/"), List.of(Map.entry("n", "v"))));
        assertEquals("POST&https%3A%2F%2Fphotos.example.net%2Frequest_token&oauth_consumer_key%3Ddpf43f3p2l4k3l03"
                + "%26oauth_nonce%3Dhsu94j3884jdopsl%26oauth_signature_method%3DPLAINTEXT%26oauth_timestamp%3D1191242090"
                + "%26oauth_version%3D1.0",
                SignatureBaseString.of("POST", URI.create("https://photos.example.net/request_token"), List.of(
                        Map.entry("oauth_version", "1.0"), Map.entry("oauth_consumer_key", "dpf43f3p2l4k3l03"),
                        Map.entry("oauth_timestamp", "1191242090"), Map.entry("oauth_nonce", "hsu94j3884jdopsl"),
                        Map.entry("oauth_signature_method", "PLAINTEXT"), Map.entry("oauth_signature", "ignored"))));
    }

    @Test
    void twitterExample() throws OAuth1Error {
        assertEquals(TwitterExample.BASE_STRING, TwitterExample.request().baseString());
    }
}
