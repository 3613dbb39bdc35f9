package dev.tollgate.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.File;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The example WAR as built, deployed at the context root on Payara Micro, walked over HTTP. */
@ExtendWith(ArquillianExtension.class)
class ExampleIT {

    @Deployment(testable = false)
    static WebArchive example() {
        // ROOT.war: Payara Micro deploys it at "/", as the contract's paths require
        return ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("example.war"))));
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.toURI().resolve("/api/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("UP", Json.createReader(new StringReader(response.body())).readObject().getString("status"));
    }
}
