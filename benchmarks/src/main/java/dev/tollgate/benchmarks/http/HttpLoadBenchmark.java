package dev.tollgate.benchmarks.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP load benchmark against a running example (see {@code benchmarks/http-load.sh}, which starts it).
 * Each figure is a ratio to a baseline measured in the same run by the same load generator: wrk for the
 * static requests, a Java client for those that must be signed or are flows ({@link CodeFlows}: the plain and
 * the OpenID Connect code flows). Bounded in time and count.
 *
 * <p>Arguments: {@code base-url h2-jdbc-url cold-start-seconds seconds-per-run tokens [report.md chart.svg]}:
 * the second {@code /api/me} run is made with the token table filled to {@code tokens} rows; without the two
 * files only the console table is printed.
 */
public final class HttpLoadBenchmark {

    private static final int THREADS = 16;

    private HttpLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        TokenTable table = new TokenTable(args[1]);
        double coldStart = Double.parseDouble(args[2]);
        double seconds = Double.parseDouble(args[3]);
        long tokens = Long.parseLong(args[4]);
        double warmup = Math.max(1, seconds / 3);
        long bound = 5_000_000;
        LoadRunner java = new LoadRunner(THREADS, seconds, bound);
        Wrk wrk = new Wrk(2, THREADS);

        ExampleClient client = new ExampleClient(base);
        client.signIn("alice", "wonderland");
        String accessToken = client.clientCredentialsToken("profile");
        String bearer = "Bearer " + accessToken;
        String jwtAccessToken = client.jwtAccessToken("profile");
        DpopClient dpop = new DpopClient(client);
        String dpopAccessToken = dpop.boundToken("profile");
        String[] oauth1 = client.oauth1TokenCredentials();

        String health = base.resolve("/api/health").toString();
        String me = base.resolve("/api/me").toString();
        URI oauth1Me = base.resolve("/api/oauth1/me");
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("health-wrk", () -> wrk.run("GET /api/health", health, null, seconds, warmup));
        scenarios.put("me-wrk", () -> wrk.run("GET /api/me, 100 tokens", me, "Authorization: " + bearer, seconds,
                warmup));
        scenarios.put("me-jwt-wrk", () -> wrk.run("GET /api/me, RFC 9068 token", me,
                "Authorization: Bearer " + jwtAccessToken, seconds, warmup));
        scenarios.put("health-java", () -> java.run("GET /api/health (Java client)",
                () -> ok(client, "/api/health", null), warmup));
        scenarios.put("me-java", () -> java.run("GET /api/me, bearer (Java client)",
                () -> ok(client, "/api/me", bearer), warmup));
        scenarios.put("me-dpop-java", () -> java.run("GET /api/me, DPoP-bound, a fresh proof each (Java client)",
                () -> dpop.get("/api/me", dpopAccessToken), warmup));
        scenarios.put("oauth1-java", () -> java.run("GET /api/oauth1/me, signed (Java client)", () -> ok(client,
                "/api/oauth1/me", ExampleClient.oauth1Header("GET", oauth1Me, oauth1[0], oauth1[1], Map.of())), warmup));
        scenarios.put("token-java", () -> java.run("POST /oauth2/token, client_credentials (Java client)",
                () -> client.tokenRequest().statusCode() == 200, warmup));
        // a first pass warms every path up (JIT, pools, caches), so that no run pays for coming first
        for (Scenario scenario : scenarios.values()) {
            scenario.run();
        }
        CodeFlows.measure(client, seconds, warmup, CodeFlows.ROUNDS);
        table.keepOnly(accessToken, jwtAccessToken, dpopAccessToken);
        table.fillTo(100);
        Map<String, LoadResult> results = new LinkedHashMap<>();
        for (Map.Entry<String, Scenario> scenario : scenarios.entrySet()) {
            results.put(scenario.getKey(), scenario.getValue().run());
        }
        // the plain and the OpenID Connect code flows, measured in turn (in rounds) for their ratio
        results.putAll(CodeFlows.measure(client, seconds, warmup, CodeFlows.ROUNDS));
        long before = System.nanoTime();
        table.fillTo(tokens);
        double fillSeconds = (System.nanoTime() - before) / 1e9;
        Thread.sleep(10_000); // let the database finish writing the new rows out before measuring
        results.put("me-1m-wrk", wrk.run(String.format("GET /api/me, %,d tokens", tokens), me,
                "Authorization: " + bearer, seconds, warmup));

        Report report = new Report(results, coldStart, fillSeconds, table.count(), seconds, THREADS);
        System.out.println(report.table());
        if (args.length > 6) {
            Files.writeString(Path.of(args[5]), report.markdown(Path.of(args[6]).getFileName().toString()));
            Files.writeString(Path.of(args[6]), report.svg());
        }
    }

    /** One measured run. */
    @FunctionalInterface
    private interface Scenario {
        LoadResult run() throws Exception;
    }

    private static boolean ok(ExampleClient client, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.http().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }
}
