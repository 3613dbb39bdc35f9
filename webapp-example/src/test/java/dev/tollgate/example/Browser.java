package dev.tollgate.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.common.FormUrlEncoding;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser for the tests: keeps cookies, never follows redirects, reads hidden form fields. */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    Browser(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A browser signed in as {@code user}. */
    static Browser signedIn(URI base, String user, String password) throws Exception {
        Browser browser = new Browser(base);
        HttpResponse<String> response = browser.post("/login", form("username", user, "password", password, "next", "/"));
        assertTrue(response.statusCode() == 302 || response.statusCode() == 303, response.statusCode() + response.body());
        return browser;
    }

    HttpResponse<String> get(String pathOrUrl, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathOrUrl));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String pathOrUrl, Map<String, String> form, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathOrUrl))
                .header("Content-Type", FormUrlEncoding.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(FormUrlEncoding.format(form)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of a page's forms. */
    String csrfOf(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page.body());
        Matcher matcher = CSRF.matcher(page.body());
        assertTrue(matcher.find(), page.body());
        return matcher.group(1);
    }

    /** The CSRF token of this browser's session, read from the home page. */
    String csrf() throws Exception {
        return csrfOf(get("/"));
    }

    boolean hasSessionCookie() {
        return cookies.getCookieStore().getCookies().stream().anyMatch(cookie -> cookie.getName().equals("JSESSIONID"));
    }

    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .findFirst().orElseThrow().getValue();
    }

    /** The text of the element with this id, e.g. {@code <code id="client_id">...</code>}. */
    static String idValue(String html, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\">([^<]+)<").matcher(html);
        assertTrue(matcher.find(), html);
        return matcher.group(1);
    }

    /** The query parameters of a URI, decoded. */
    static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        FormUrlEncoding.parse(uri.getRawQuery()).forEach(pair -> query.put(pair.getKey(), pair.getValue()));
        return query;
    }

    /** A form in order from name, value pairs. */
    static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}
