package dev.tollgate.benchmarks.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The load benchmark's results as a console table, {@code docs/benchmarks.md} and an SVG bar chart. */
final class Report {

    /** A ratio with its target: {@code value ÷ baseline ≥ target}. */
    record Ratio(String what, String measuredAs, double value, double target) {
        boolean met() {
            return value >= target;
        }
    }

    private final Map<String, LoadResult> results;
    private final double coldStart;
    private final double fillSeconds;
    private final long tokens;
    private final double seconds;
    private final int threads;

    Report(Map<String, LoadResult> results, double coldStart, double fillSeconds, long tokens, double seconds,
            int threads) {
        this.results = results;
        this.coldStart = coldStart;
        this.fillSeconds = fillSeconds;
        this.tokens = tokens;
        this.seconds = seconds;
        this.threads = threads;
    }

    List<Ratio> ratios() {
        List<Ratio> ratios = new ArrayList<>();
        ratios.add(new Ratio("bearer-protected `GET /api/me`", "÷ `GET /api/health`, both by wrk",
                rate("me-wrk") / rate("health-wrk"), 0.90));
        ratios.add(new Ratio("`GET /api/me` with an RFC 9068 access token (no database read)",
                "÷ `GET /api/health`, both by wrk", rate("me-jwt-wrk") / rate("health-wrk"), 0.90));
        ratios.add(new Ratio("`GET /api/me` with a DPoP-bound token, a fresh ES256 proof each (signed by the client)",
                "÷ the bearer `GET /api/me`, both by the Java client", rate("me-dpop-java") / rate("me-java"), 0.70));
        ratios.add(new Ratio("OAuth 1-signed `GET /api/oauth1/me`, fresh nonce each", "÷ `GET /api/health`, both by the Java client",
                rate("oauth1-java") / rate("health-java"), 0.75));
        ratios.add(new Ratio("`client_credentials` token issuance", "÷ `GET /api/health`, both by the Java client",
                rate("token-java") / rate("health-java"), 0.50));
        ratios.add(new Ratio("`GET /api/me` with " + String.format("%,d", tokens) + " tokens", "÷ the same with 100 tokens",
                rate("me-1m-wrk") / rate("me-wrk"), 0.95));
        ratios.add(new Ratio("OpenID Connect code + PKCE flow, consent remembered",
                "÷ the plain code + PKCE flow, flows/s, both 4 at once, in turn", rate(CodeFlows.OPENID)
                / rate(CodeFlows.PLAIN), CodeFlows.TARGET));
        return ratios;
    }

    String table() {
        StringBuilder out = new StringBuilder("\n");
        results.values().forEach(result -> out.append(result).append('\n'));
        out.append('\n');
        for (Ratio ratio : ratios()) {
            out.append(String.format("%-60s %5.2f  (target >= %.2f) %s%n", ratio.what().replace("`", ""),
                    ratio.value(), ratio.target(), ratio.met() ? "met" : "MISSED"));
        }
        out.append(String.format("%-60s %5.1f flows/s%n", "authorization code + PKCE flows", rate(CodeFlows.PLAIN)));
        out.append(String.format("%-60s %5.1f flows/s%n", "OpenID Connect code + PKCE flows", rate(CodeFlows.OPENID)));
        out.append(String.format("%-60s %5.2f  (report)%n", "the same with prompt=consent / plain code flow",
                rate(CodeFlows.OPENID_CONSENT_PAGE) / rate(CodeFlows.PLAIN)));
        out.append(String.format("%-60s %5.1f s  (keep under 20 s)%n", "cold start to the first 200 on /api/health",
                coldStart));
        return out.toString();
    }

    String markdown(String chart) throws Exception {
        StringBuilder md = new StringBuilder("# Benchmarks\n\n");
        md.append("Measured on ").append(LocalDate.now()).append(" by `benchmarks/http-load.sh` (HTTP) and ")
                .append("`benchmarks/jmh.sh` (JMH). Every figure that matters is a ratio to a baseline measured in ")
                .append("the same run by the same load generator: absolute figures on a shared 2-core machine drift, ")
                .append("ratios hold.\n\n");
        md.append("## Targets\n\n| what | measured as | ratio | target | |\n|---|---|---|---|---|\n");
        for (Ratio ratio : ratios()) {
            md.append(String.format("| %s | %s | **%.2f** | ≥ %.2f | %s |%n", ratio.what(), ratio.measuredAs(),
                    ratio.value(), ratio.target(), ratio.met() ? "met" : "missed"));
        }
        md.append(String.format("| full authorization-code + PKCE flow (login session reused) | flows/s, 4 at once |"
                + " **%.1f** | report | |%n", rate(CodeFlows.PLAIN)));
        md.append(String.format("| OpenID Connect code + PKCE flow (consent remembered) | flows/s, 4 at once |"
                + " **%.1f** | report | |%n", rate(CodeFlows.OPENID)));
        md.append(String.format("| OpenID Connect code + PKCE flow with `prompt=consent` (the consent page each time,"
                + " as the plain flow) | ÷ the plain code + PKCE flow | **%.2f** | report | |%n",
                rate(CodeFlows.OPENID_CONSENT_PAGE) / rate(CodeFlows.PLAIN)));
        md.append(String.format("| cold start of the example | seconds to the first 200 on `/api/health` | **%.1f s** |"
                + " report, under 20 s | %s |%n%n", coldStart, coldStart < 20 ? "met" : "missed"));
        md.append("## Runs\n\n| run | requests/s | p50 | p99 | requests | failed |\n|---|---|---|---|---|---|\n");
        for (LoadResult result : results.values()) {
            md.append(String.format("| %s | %.0f | %.2f ms | %.2f ms | %d | %d |%n", result.name(),
                    result.perSecond(), result.p50Millis(), result.p99Millis(), result.requests(), result.failures()));
        }
        md.append("\n![Requests per second](images/").append(chart).append(")\n\n");
        md.append("## Settings and machine\n\n");
        md.append(String.format("- %s s measured per run after a warm-up; wrk with 2 threads and %d connections; the Java"
                + " client with %d threads (4 for the flows), one keep-alive `HttpClient`.%n", fmt(seconds), threads, threads));
        md.append(String.format("- The three code flows are measured in turn, in %d rounds (the order reversed every"
                + " other round), as alice with one signed-in session: the plain flow (`demo-client`, scope `profile`)"
                + " shows the consent page every time; the OpenID Connect flow (`demo-oidc`, `openid profile email`,"
                + " nonce, `client_secret_basic`) after the first consent is answered at once with a 303, one request"
                + " fewer; with `prompt=consent` it shows the page too. The OpenID Connect flows check the redirect's"
                + " `state` and the ID token's `nonce` and audience; the first ID token of a run is also checked"
                + " against the JWK Set.%n", CodeFlows.ROUNDS));
        md.append("- The RFC 9068 access token is `demo-jwt-client`'s, issued for `client_credentials` and scope"
                + " `profile` to a `private_key_jwt` assertion (RS256) signed with the demo's private key; the server"
                + " signs it with its default RS256 key.\n");
        md.append(String.format("- The token table was filled from 100 to %,d rows through JDBC in %.0f s, between the"
                + " two `/api/me` runs, then left 10 s to settle.%n", tokens, fillSeconds));
        md.append("- The example on Payara Micro 6.2025.10 with its H2 file database (128 MB page cache), started by the"
                + " script with a fresh data directory; the load generator on the same machine, over loopback. Every"
                + " scenario runs once unmeasured first, so that none pays for the JIT by coming first.\n");
        md.append(String.format("- JDK %s (%s), %s %s, %d cores, %s.%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.version"),
                Runtime.getRuntime().availableProcessors(), cpu()));
        Path analysis = Path.of("benchmarks/analysis.md");
        if (Files.exists(analysis)) {
            md.append('\n').append(Files.readString(analysis));
        }
        md.append(JmhSection.markdown(Path.of("benchmarks/target/jmh.json")));
        return md.toString();
    }

    String svg() {
        int rowHeight = 34;
        int width = 900;
        int left = 380;
        double max = results.values().stream().mapToDouble(LoadResult::perSecond).max().orElse(1);
        StringBuilder svg = new StringBuilder();
        int height = 40 + rowHeight * results.size();
        svg.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"13\">%n", width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">Requests per second"
                + " (higher is better)</text>\n");
        int y = 40;
        for (LoadResult result : results.values()) {
            double barWidth = (width - left - 90) * result.perSecond() / max;
            svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", left - 8, y + 18,
                    escape(result.name())));
            svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"22\" fill=\"#1f5fbf\"/>%n", left,
                    y + 4, barWidth));
            svg.append(String.format("<text x=\"%.1f\" y=\"%d\">%.0f</text>%n", left + barWidth + 6, y + 20,
                    result.perSecond()));
            y += rowHeight;
        }
        return svg.append("</svg>\n").toString();
    }

    private double rate(String key) {
        return results.get(key).perSecond();
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }
}
