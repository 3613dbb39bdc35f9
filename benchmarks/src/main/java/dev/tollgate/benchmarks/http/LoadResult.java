package dev.tollgate.benchmarks.http;

import java.util.Arrays;

/** What one load run measured: completed requests, failures, elapsed time and latency percentiles. */
public record LoadResult(String name, long requests, long failures, double seconds, double p50Millis,
        double p99Millis) {

    public double perSecond() {
        return requests / seconds;
    }

    static LoadResult of(String name, long[] latenciesNanos, long failures, double seconds) {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return new LoadResult(name, sorted.length, failures, seconds, percentile(sorted, 0.50),
                percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("%-54s %9.0f req/s  p50 %6.2f ms  p99 %7.2f ms  (%d requests, %d failed)", name,
                perSecond(), p50Millis, p99Millis, requests, failures);
    }
}
