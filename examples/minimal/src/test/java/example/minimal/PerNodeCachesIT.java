package example.minimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The minimal application on three Payara Micro nodes of one data grid (TCP/IP on loopback): two with
 * {@code tollgate.cache=hazelcast} serve, and share their short-lived state (a request pushed to one is found
 * by the other); a third left on the per-node default refuses to start, and says which setting to change,
 * instead of accepting nonces and codes the others used.
 */
class PerNodeCachesIT {

    private final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(Process::destroyForcibly);
    }

    @Test
    void aNodeWithPerNodeCachesInAClusterRefusesToStart() throws Exception {
        int hazelcastPort = freePort();
        Node first = start("hazelcast", hazelcastPort);
        Node second = start("hazelcast", hazelcastPort);
        Node third = start("ehcache", hazelcastPort);
        assertEquals(200, first.metadataStatus());
        assertEquals(200, second.metadataStatus());
        assertEquals(404, third.metadataStatus(), "not deployed");
        assertTrue(second.consentStatus(first.push()) == 200, "a request pushed to one node, read on the other");
        assertEquals(400, second.consentStatus("urn:ietf:params:oauth:request_uri:unknown"));
        String log = Files.readString(third.log);
        assertTrue(log.contains("Tollgate cannot start: Tollgate's caches (org.ehcache.jsr107.EhcacheCachingProvider)"
                + " are per node, but this server is one of 3 members of a Payara cluster"), "the log of the third");
        assertTrue(log.contains("Set tollgate.cache=hazelcast"), "the log of the third");
    }

    record Node(int port, Path log) {

        /** A pushed authorization request (RFC 9126), its {@code request_uri}. */
        String push() throws Exception {
            HttpResponse<String> pushed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/oauth2/par"))
                    .header("Authorization", Http.basic("app", "app-secret-0123456789"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("response_type=code&client_id=app&scope=profile"
                            + "&redirect_uri=" + Http.CALLBACK + "&code_challenge=" + MinimalIT.CHALLENGE
                            + "&code_challenge_method=S256")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, pushed.statusCode(), pushed.body());
            return Http.json(pushed.body()).getString("request_uri");
        }

        int consentStatus(String requestUri) throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/oauth2/authorize?client_id=app"
                    + "&request_uri=" + requestUri)).header("Authorization", Http.ALICE).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + "/minimal" + path);
        }

        int metadataStatus() throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(
                    "/.well-known/oauth-authorization-server")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }

    // one node after the other, each ready (deployed or not) before the next joins
    private Node start(String cache, int hazelcastPort) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "node");
        int port = freePort();
        Path log = dir.resolve("payara.log");
        Process node = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + dir, "-Dtollgate.cache=" + cache, "-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("minimal.war"), "--port", String.valueOf(port),
                "--rootdir", dir.resolve("root").toString(), "--startport", String.valueOf(hazelcastPort),
                "--clustermode", "tcpip:127.0.0.1:" + hazelcastPort, "--clustername", "tollgate-per-node-check",
                "--interfaces", "127.0.0.1", "--nohostaware", "--disablephonehome")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        nodes.add(node);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!Files.readString(log).contains("ready in")) {
            assertTrue(node.isAlive() && Instant.now().isBefore(deadline), "Payara Micro did not start: " + log);
            Thread.sleep(500);
        }
        return new Node(port, log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
