package dev.tollgate.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certified OpenID Connect relying party that knows nothing of the example: panva's {@code openid-client} (npm,
 * v6, OpenID Certified for the Basic RP profile), driven by {@code src/test/node/relying-party.mjs}. It proves that
 * an unmodified standard RP library completes, as {@code demo-oidc} with {@code client_secret_basic} for alice,
 * the contract's OpenID Connect lines: discovery (the issuer is the base URL), the authorization code flow with
 * PKCE (S256), state, nonce and {@code max_age} through the example's own login and consent pages (the script
 * plays the browser), the ID token (signature checked against {@code jwks_uri}, {@code iss}, {@code aud},
 * {@code sub}, {@code nonce}, {@code auth_time}, {@code at_hash}), UserInfo with alice's claims, and a refresh;
 * then, as {@code demo-jwt-client}, the lines of "The JWT family": a request object (RFC 9101), {@code
 * private_key_jwt} at the token, revocation and introspection endpoints, RFC 9068 access tokens validated by panva's
 * {@code oauth4webapi} as a resource server would, and a revoked one refused by {@code /api/me} at once; as
 * {@code demo-par}, a pushed authorization request (RFC 9126); and as {@code demo-dpop}, DPoP-bound tokens (RFC 9449)
 * at the token endpoint, {@code /api/me} and UserInfo, refused as bearer tokens; and as {@code demo-device}, the
 * device authorization grant (RFC 8628), approved at {@code verification_uri_complete}. {@link ExampleIT} runs it
 * against the deployed example.
 *
 * <p>Needs Node.js 20 or later on the {@code PATH} and {@code npm ci} run in {@code src/test/node} (the POM does
 * it in {@code pre-integration-test}). Without them the test fails; it is never skipped.
 */
final class RelyingPartyScript {

    private static final long TIMEOUT_SECONDS = 120;
    private static final String SCRIPT = "relying-party.mjs";

    private RelyingPartyScript() {
    }

    /** Runs the script against the example at {@code base}; fails with its output unless it succeeds. */
    static void signInReadUserInfoAndRefresh(URL base) throws Exception {
        Path directory = scriptDirectory();
        Path node = node();
        String issuer = issuerBase(base);
        Path stdout = Files.createTempFile("relying-party", ".out");
        Path stderr = Files.createTempFile("relying-party", ".err");
        try {
            Process process = new ProcessBuilder(node.toString(), SCRIPT, issuer)
                    .directory(directory.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("node " + SCRIPT + " " + issuer + " did not finish within " + TIMEOUT_SECONDS + " s"
                        + output(stdout, stderr));
            }
            assertEquals(0, process.exitValue(), "node " + SCRIPT + " " + issuer + " failed" + output(stdout, stderr));

            List<String> lines = read(stdout).lines().toList();
            assertFalse(lines.isEmpty(), "no summary on stdout" + output(stdout, stderr));
            JsonObject summary = Json.createReader(new StringReader(lines.get(lines.size() - 1))).readObject();
            assertEquals("ok", summary.getString("result"), summary.toString());
            assertEquals(issuer, summary.getString("issuer"), summary.toString());
            assertEquals("alice", summary.getString("sub"), summary.toString());
            JsonObject jwtClient = summary.getJsonObject("jwt_client");
            assertEquals("alice", jwtClient.getJsonObject("access_token").getString("sub"), summary.toString());
            assertEquals("demo-jwt-client", jwtClient.getJsonObject("client_credentials").getString("sub"),
                    summary.toString());
            assertEquals("refused at once", jwtClient.getString("revoked"), summary.toString());
            assertEquals("alice", summary.getJsonObject("par").getString("sub"), summary.toString());
            JsonObject dpop = summary.getJsonObject("dpop");
            assertEquals("dpop", dpop.getString("token_type"), summary.toString()); // as openid-client writes it
            assertEquals(200, dpop.getInt("api_me"), summary.toString());
            assertEquals(401, dpop.getInt("as_bearer"), summary.toString());
            assertEquals("alice", summary.getJsonObject("device").getString("sub"), summary.toString());
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /**
     * The base URL as the issuer names it, without a trailing slash. The contract's issuer is on 127.0.0.1, while
     * Payara Micro reports its host by name (e.g. {@code localhost}): a loopback host is written as 127.0.0.1.
     */
    private static String issuerBase(URL base) throws Exception {
        String host = base.getHost();
        if (InetAddress.getByName(host).isLoopbackAddress()) {
            host = "127.0.0.1";
        }
        String port = base.getPort() < 0 ? "" : ":" + base.getPort();
        return base.getProtocol() + "://" + host + port + base.getPath().replaceAll("/+$", "");
    }

    /** {@code src/test/node} of this module, with openid-client installed; the working directory is the module's. */
    private static Path scriptDirectory() {
        for (String module : List.of(".", "webapp-example")) {
            Path directory = Path.of(module, "src", "test", "node").toAbsolutePath().normalize();
            if (Files.isRegularFile(directory.resolve(SCRIPT))) {
                if (!Files.isDirectory(directory.resolve("node_modules").resolve("openid-client"))) {
                    fail("openid-client is not installed in " + directory + ": run `npm ci` there"
                            + " (mvn verify does it in pre-integration-test)");
                }
                return directory;
            }
        }
        return fail("no src/test/node/" + SCRIPT + " under the working directory " + Path.of("").toAbsolutePath());
    }

    /** The {@code node} executable on the PATH; the test fails, never skips, without one. */
    private static Path node() {
        String path = System.getenv("PATH");
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        List<String> names = windows ? List.of("node.exe", "node.cmd") : List.of("node");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (entry.isEmpty()) {
                    continue;
                }
                for (String name : names) {
                    Path candidate = Path.of(entry, name);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return candidate;
                    }
                }
            }
        }
        return fail("NODE.JS NOT FOUND: the relying-party test runs the certified OpenID Connect relying party openid-client"
                + " with `node` (Node.js 20 or later), which is not on the PATH (" + path + "). Install Node.js;"
                + " this test is never skipped.");
    }

    private static String output(Path stdout, Path stderr) throws Exception {
        return "\n--- stdout ---\n" + read(stdout) + "\n--- stderr ---\n" + read(stderr);
    }

    private static String read(Path file) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
