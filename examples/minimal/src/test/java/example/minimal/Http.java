package example.minimal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like client of the deployed application: cookies kept, redirects not followed. */
final class Http {

    static final String CALLBACK = "http://127.0.0.1:8765/callback";
    static final String ALICE = basic("alice", "wonderland");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final URL base;

    Http(URL base) {
        this.base = base;
    }

    /** A path of the application (after its context path), or a path with the context path, or a URL. */
    URI uri(String path) {
        if (path.startsWith("http")) {
            return URI.create(path);
        }
        String root = base.toString().replaceAll("/$", "");
        return path.startsWith(URI.create(root).getPath() + "/") ? URI.create(root).resolve(path)
                : URI.create(root + path);
    }

    HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form, String authorization) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** The value of a hidden field of a form. */
    static String field(String html, String name) {
        return group(html, "name=\"" + name + "\" value=\"([^\"]*)\"");
    }

    /** Where a page's form posts. */
    static String action(String html) {
        return group(html, "action=\"([^\"]*)\"").replace("&amp;", "&");
    }

    /** A parameter of a redirect's query. */
    static String query(String location, String name) {
        return group(location, "[?&]" + name + "=([^&#]*)");
    }

    private static String group(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), regex + " in " + text);
        return matcher.group(1);
    }
}
