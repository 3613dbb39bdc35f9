package dev.tollgate.benchmarks.http;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The authorization-code flows side by side, each with PKCE, as one signed-in user from 4 workers: the plain
 * OAuth 2 flow ({@code demo-client}, scope {@code profile}: the consent page every time); the OpenID Connect
 * flow ({@code demo-oidc}, {@code openid profile email}, a nonce, {@code client_secret_basic}: after the first
 * consent the authorization endpoint answers at once); and the OpenID Connect flow with
 * {@code prompt=consent}, which goes through the consent page as the plain flow does, so that the comparison
 * is also made like for like. They are measured in turn, in {@link #ROUNDS} rounds (see
 * {@link LoadRunner#interleaved}).
 *
 * <p>Standalone against a running example: {@code CodeFlows BASE_URL [SECONDS [ROUNDS]]}, e.g.
 * {@code java -cp benchmarks/target/benchmarks.jar dev.tollgate.benchmarks.http.CodeFlows http://127.0.0.1:8080 20}:
 * {@code SECONDS} measured per flow (default 20), after a warm-up of a third of that; prints the runs and the
 * ratios. It only signs in, consents and gets tokens, as any user of the example would.
 */
public final class CodeFlows {

    static final String PLAIN = "flow-java";
    static final String OPENID = "oidc-flow-java";
    static final String OPENID_CONSENT_PAGE = "oidc-consent-flow-java";
    static final int THREADS = 4;
    static final double TARGET = 0.80;
    /** Rounds of the measurement: many short turns, so that a burst of the machine's other work is shared out. */
    static final int ROUNDS = 10;

    private CodeFlows() {
    }

    /**
     * Runs one OpenID Connect flow first (which gives the consent if it is not remembered yet) and checks its ID
     * token against the published keys, then measures the three flows, {@code seconds} each in {@code rounds}.
     */
    static Map<String, LoadResult> measure(ExampleClient client, double seconds, double warmup, int rounds)
            throws Exception {
        JsonObject first = client.openIdCodeFlowTokens(false);
        if (first == null || !first.containsKey("id_token")) {
            throw new IllegalStateException("The OpenID Connect code flow did not give an ID token: " + first);
        }
        client.verifyIdToken(first.getString("id_token"));
        Map<String, String> names = new LinkedHashMap<>();
        names.put(PLAIN, "code + PKCE flow (4 users at once)");
        names.put(OPENID, "OpenID code + PKCE flow, consent kept (4 at once)");
        names.put(OPENID_CONSENT_PAGE, "OpenID code + PKCE flow, prompt=consent (4 at once)");
        Map<String, LoadRunner.Operation> flows = new LinkedHashMap<>();
        flows.put(names.get(PLAIN), client::codeFlow);
        flows.put(names.get(OPENID), () -> client.openIdCodeFlow(false));
        flows.put(names.get(OPENID_CONSENT_PAGE), () -> client.openIdCodeFlow(true));
        Map<String, LoadResult> byName = new LoadRunner(THREADS, seconds, 5_000_000).interleaved(flows, warmup,
                rounds);
        Map<String, LoadResult> results = new LinkedHashMap<>();
        names.forEach((key, name) -> results.put(key, byName.get(name)));
        return results;
    }

    static String ratios(Map<String, LoadResult> results) {
        double plain = results.get(PLAIN).perSecond();
        double openId = results.get(OPENID).perSecond() / plain;
        double consentPage = results.get(OPENID_CONSENT_PAGE).perSecond() / plain;
        return String.format("%-60s %5.2f  (target >= %.2f) %s%n%-60s %5.2f  (report)%n",
                "OpenID Connect code flow / plain code flow", openId, TARGET, openId >= TARGET ? "met" : "MISSED",
                "the same with prompt=consent / plain code flow", consentPage);
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : ROUNDS;
        ExampleClient client = new ExampleClient(base);
        client.signIn("alice", "wonderland");
        Map<String, LoadResult> results = measure(client, seconds, Math.max(1, seconds / 3), rounds);
        System.out.println();
        results.values().forEach(System.out::println);
        System.out.println();
        System.out.print(ratios(results));
    }
}
