package dev.tollgate.benchmarks.http;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JMH results of {@code benchmarks/jmh.sh}, if present, as a markdown section: each benchmark's average
 * time and its ratio to the {@code baselineSha256} of the same class and parameters.
 */
final class JmhSection {

    private JmhSection() {
    }

    static String markdown(Path json) throws Exception {
        if (!Files.exists(json)) {
            return "\n## JMH\n\nNo JMH results in this run: `benchmarks/jmh.sh` writes them before"
                    + " `benchmarks/http-load.sh` reads them.\n";
        }
        Map<String, Double> baselines = new LinkedHashMap<>();
        StringBuilder rows = new StringBuilder();
        try (JsonReader reader = JsonProvider.provider().createReader(Files.newBufferedReader(json))) {
            var results = reader.readArray().getValuesAs(JsonObject.class);
            for (JsonObject result : results) {
                if (name(result).endsWith("baselineSha256")) {
                    baselines.put(group(result), score(result));
                }
            }
            for (JsonObject result : results) {
                Double baseline = baselines.get(group(result));
                rows.append(String.format("| %s | %s | %.3f ± %.3f µs | %s |%n", name(result),
                        parameters(result), score(result),
                        result.getJsonObject("primaryMetric").getJsonNumber("scoreError").doubleValue(),
                        baseline == null ? "" : String.format("%.1f×", score(result) / baseline)));
            }
        }
        return "\n## JMH: the cores' hot paths\n\nAverage time per operation (lower is better), and as a multiple"
                + " of hashing the same input once with SHA-256 in the same run (`baselineSha256`).\n\n"
                + "| benchmark | parameters | time | × baseline |\n|---|---|---|---|\n" + rows;
    }

    private static String name(JsonObject result) {
        String benchmark = result.getString("benchmark");
        return benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
    }

    private static String group(JsonObject result) {
        String benchmark = result.getString("benchmark");
        return benchmark.substring(0, benchmark.lastIndexOf('.')) + parameters(result);
    }

    private static String parameters(JsonObject result) {
        JsonValue params = result.get("params");
        return params == null ? "" : params.asJsonObject().toString().replaceAll("[{}\"]", "").replace(":", "=");
    }

    private static double score(JsonObject result) {
        return result.getJsonObject("primaryMetric").getJsonNumber("score").doubleValue();
    }
}
