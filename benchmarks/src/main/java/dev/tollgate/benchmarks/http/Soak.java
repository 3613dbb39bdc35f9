package dev.tollgate.benchmarks.http;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A soak of the example: mixed traffic for a fixed time from a few workers on loopback, every request checked
 * against the status the contract gives it; the server's resident memory sampled every 5 s. Each round of a
 * worker runs the code flow with PKCE, a refresh, both resource filters, introspection, revocations (and the
 * refusals that follow them), client credentials and the password grant; every 20 rounds it signs in anew and
 * gets OAuth 1 token credentials through the three legs.
 *
 * <p>Usage: {@code Soak BASE_URL SECONDS SERVER_PID [WORKERS]}. Prints the requests, the errors and the RSS
 * samples, and the mean RSS of the last third of the run over the first third. Exits 1 on any error, and, for a
 * run of five minutes or more, when that ratio is over 1.05.
 */
public final class Soak {

    private static final Duration SAMPLE = Duration.ofSeconds(5);

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
    private final URI base;

    private Soak(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        long seconds = Long.parseLong(args[1]);
        long pid = Long.parseLong(args[2]);
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        Soak soak = new Soak(base);
        List<Long> rss = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> rss.add(residentKilobytes(pid)), 0, SAMPLE.toSeconds(), TimeUnit.SECONDS);
        Instant deadline = Instant.now().plusSeconds(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            String[] user = i % 2 == 0 ? new String[] {"alice", "wonderland"} : new String[] {"bob", "builder"};
            Thread worker = new Thread(() -> soak.work(deadline, user[0], user[1]), "soak-" + i);
            worker.start();
            threads.add(worker);
        }
        for (Thread worker : threads) {
            worker.join();
        }
        sampler.shutdownNow();
        System.exit(soak.report(seconds, List.copyOf(rss)));
    }

    // two workers a user at most: the example checks at most two passwords of an account at once
    private void work(Instant deadline, String user, String password) {
        ExampleClient client = null;
        String[] oauth1 = null;
        for (int round = 0; Instant.now().isBefore(deadline); round++) {
            try {
                if (round % 20 == 0) {
                    client = new ExampleClient(base);
                    client.signIn(user, password);
                    requests.incrementAndGet();
                    oauth1 = client.oauth1TokenCredentials();
                    requests.addAndGet(4);
                }
                round(client, oauth1, user, password);
            } catch (Exception e) {
                error("round " + round + ": " + e);
            }
        }
    }

    private void round(ExampleClient client, String[] oauth1, String user, String password) throws Exception {
        String demo = ExampleClient.basic("demo-client", "demo-secret");
        JsonObject code = client.codeFlowTokens();
        requests.addAndGet(3);
        if (code == null) {
            error("the code flow gave no token");
            return;
        }
        expect(client.get("/api/me", "Bearer " + code.getString("access_token")), 200);
        JsonObject refreshed = json(expect(client.post("/oauth2/token", demo, Map.of("grant_type", "refresh_token",
                "refresh_token", code.getString("refresh_token"))), 200));
        expect(client.get("/api/me", "Bearer " + refreshed.getString("access_token")), 200);
        expect(client.post("/oauth2/revoke", demo, Map.of("token", refreshed.getString("refresh_token"),
                "token_type_hint", "refresh_token")), 200);
        expect(client.post("/oauth2/token", demo, Map.of("grant_type", "refresh_token",
                "refresh_token", refreshed.getString("refresh_token"))), 400);
        expect(client.get("/api/me", "Bearer " + refreshed.getString("access_token")), 401);

        String own = json(expect(client.tokenRequest(), 200)).getString("access_token");
        expect(client.post("/oauth2/introspect", demo, Map.of("token", own)), 200);
        expect(client.get("/api/me", "Bearer " + own), 200);
        expect(client.post("/oauth2/revoke", demo, Map.of("token", own)), 200);
        expect(client.get("/api/me", "Bearer " + own), 401);
        expect(client.post("/oauth2/token", demo, Map.of("grant_type", "password", "username", user,
                "password", password, "scope", "profile")), 200);

        URI resource = client.uri("/api/oauth1/me");
        expect(client.get("/api/oauth1/me",
                ExampleClient.oauth1Header("GET", resource, oauth1[0], oauth1[1], Map.of())), 200);
    }

    private HttpResponse<String> expect(HttpResponse<String> response, int status) {
        requests.incrementAndGet();
        if (response.statusCode() != status) {
            error(response.request().method() + " " + response.uri().getPath() + " answered "
                    + response.statusCode() + " instead of " + status + ": " + response.body());
        }
        return response;
    }

    private static JsonObject json(HttpResponse<String> response) {
        return ExampleClient.json(response);
    }

    private void error(String what) {
        errors.incrementAndGet();
        if (firstErrors.size() < 20) {
            firstErrors.add(what);
        }
    }

    private int report(long seconds, List<Long> rss) {
        System.out.printf("soak: %d s, %d requests (%.0f/s), %d errors%n", seconds, requests.get(),
                requests.get() / (double) seconds, errors.get());
        firstErrors.forEach(error -> System.out.println("  error: " + error));
        System.out.println("rss (MB, every " + SAMPLE.toSeconds() + " s): "
                + String.join(" ", rss.stream().map(kb -> Long.toString(kb / 1024)).toList()));
        int third = rss.size() / 3;
        double ratio = third == 0 ? 1 : mean(rss.subList(rss.size() - third, rss.size())) / mean(rss.subList(0, third));
        System.out.printf("rss, mean of the last third / mean of the first third: %.3f%n", ratio);
        boolean grew = seconds >= 300 && ratio > 1.05;
        return errors.get() > 0 || grew ? 1 : 0;
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    private static long residentKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
