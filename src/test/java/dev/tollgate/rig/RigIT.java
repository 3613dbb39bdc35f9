package dev.tollgate.rig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.jakarta.cache.CacheSettings;
import dev.tollgate.testing.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test rig itself, on a real Payara Micro over HTTP: CDI into a servlet and a filter,
 * JPA through the container's EclipseLink and JTA, and JCache from Ehcache chosen by provider name.
 */
@ExtendWith(ArquillianExtension.class)
class RigIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.library("rig.war")
                .addClasses(RigGreeter.class, RigFilter.class, RigServlet.class, RigEntity.class, RigRepository.class)
                .addAsResource("rig/persistence.xml", "META-INF/persistence.xml");
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesOnLoopbackOnly() {
        String host = URI.create(base.toString()).getHost();
        assertTrue(host.equals("localhost") || host.startsWith("127."), "Arquillian talks to " + host);
    }

    @Test
    void injectsOneApplicationScopedBeanIntoFilterAndServlet() throws Exception {
        HttpResponse<String> response = get("rig/cdi");
        int servletCall = json(response).getInt("call");
        String filterCall = response.headers().firstValue("X-Rig-Filter").orElseThrow();
        // the filter ran first on the same bean, so the servlet saw the next number
        assertEquals("call-" + (servletCall - 1), filterCall);
    }

    @Test
    void persistsAndReadsBackThroughEclipseLink() throws Exception {
        JsonObject body = json(get("rig/jpa?name=gate"));
        assertEquals("gate", body.getString("readBack"));
        assertTrue(body.getString("provider").startsWith("org.eclipse.persistence"), body.getString("provider"));
    }

    @Test
    void usesEhcacheByProviderNameWithAtomicPutIfAbsentAndExpiry() throws Exception {
        JsonObject body = json(get("rig/cache"));
        assertEquals(CacheSettings.EHCACHE, body.getString("provider"));
        assertTrue(body.getBoolean("first"));
        assertFalse(body.getBoolean("second"));
        assertEquals("a", body.getString("value"));
        Thread.sleep(1500);
        assertFalse(json(get("rig/cache-expired?key=" + body.getString("key"))).getBoolean("present"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.toURI().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
