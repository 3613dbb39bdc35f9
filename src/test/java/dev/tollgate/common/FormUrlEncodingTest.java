package dev.tollgate.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormUrlEncodingTest {

    @Test
    void keepsOrderAndRepeatedNames() {
        assertEquals(List.of(Map.entry("a", "1"), Map.entry("b", "x y"), Map.entry("a", "3"), Map.entry("c", "")),
                FormUrlEncoding.parse("a=1&b=x+y&&a=3&c"));
    }

    @Test
    void formatsWithPercentEncodingAndSkipsNulls() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("oauth_token", "a b&c");
        map.put("skipped", null);
        map.put("oauth_callback_confirmed", "true");
        assertEquals("oauth_token=a%20b%26c&oauth_callback_confirmed=true", FormUrlEncoding.format(map));
    }

    @Test
    void roundTrips() {
        String encoded = FormUrlEncoding.format(List.of(Map.entry("k\u00e9y", "v=1&2")));
        assertEquals(List.of(Map.entry("k\u00e9y", "v=1&2")), FormUrlEncoding.parse(encoded));
    }
}
