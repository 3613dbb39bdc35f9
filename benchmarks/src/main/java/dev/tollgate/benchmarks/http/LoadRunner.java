package dev.tollgate.benchmarks.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator: {@code threads} workers each run one operation after another until the time
 * is up, bounded also by a request count. Latencies are kept per worker and merged at the end.
 */
public final class LoadRunner {

    /** One request (or one flow); answers whether it succeeded. */
    @FunctionalInterface
    public interface Operation {
        boolean run() throws Exception;
    }

    private final int threads;
    private final double seconds;
    private final long maxRequests;

    public LoadRunner(int threads, double seconds, long maxRequests) {
        this.threads = threads;
        this.seconds = seconds;
        this.maxRequests = maxRequests;
    }

    /** Runs the operation for the warm-up time, unmeasured, then measures it. */
    public LoadResult run(String name, Operation operation, double warmupSeconds) throws Exception {
        drive(operation, warmupSeconds, maxRequests);
        long start = System.nanoTime();
        List<long[]> latencies = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        for (long[] perThread : drive(operation, seconds, maxRequests, failures)) {
            latencies.add(perThread);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return LoadResult.of(name, merge(latencies), failures.get(), elapsed);
    }

    /**
     * Runs each operation for the warm-up time, unmeasured, then measures them in turn {@code rounds} times, for
     * the run's time ÷ {@code rounds} each, the order reversed every other round, so that the drift of a shared
     * machine falls on all of them alike; an operation's rounds make one result, under its key.
     */
    public Map<String, LoadResult> interleaved(Map<String, Operation> operations, double warmupSeconds, int rounds)
            throws Exception {
        for (Operation operation : operations.values()) {
            drive(operation, warmupSeconds, maxRequests);
        }
        List<String> names = new ArrayList<>(operations.keySet());
        Map<String, List<long[]>> latencies = new LinkedHashMap<>();
        Map<String, AtomicLong> failures = new LinkedHashMap<>();
        Map<String, Double> elapsed = new LinkedHashMap<>();
        for (String name : names) {
            latencies.put(name, new ArrayList<>());
            failures.put(name, new AtomicLong());
            elapsed.put(name, 0.0);
        }
        for (int round = 0; round < rounds; round++) {
            List<String> order = new ArrayList<>(names);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (String name : order) {
                long start = System.nanoTime();
                latencies.get(name).addAll(drive(operations.get(name), seconds / rounds, maxRequests,
                        failures.get(name)));
                elapsed.merge(name, (System.nanoTime() - start) / 1e9, Double::sum);
            }
        }
        Map<String, LoadResult> results = new LinkedHashMap<>();
        for (String name : names) {
            results.put(name, LoadResult.of(name, merge(latencies.get(name)), failures.get(name).get(),
                    elapsed.get(name)));
        }
        return results;
    }

    private static long[] merge(List<long[]> latencies) {
        int total = latencies.stream().mapToInt(a -> a.length).sum();
        long[] all = new long[total];
        int at = 0;
        for (long[] part : latencies) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private void drive(Operation operation, double forSeconds, long limit) throws Exception {
        drive(operation, forSeconds, limit, new AtomicLong());
    }

    private List<long[]> drive(Operation operation, double forSeconds, long limit, AtomicLong failures)
            throws Exception {
        long deadline = System.nanoTime() + (long) (forSeconds * 1e9);
        AtomicLong issued = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<long[]> worker = () -> {
                    LongList latencies = new LongList();
                    while (System.nanoTime() < deadline && issued.incrementAndGet() <= limit) {
                        long begin = System.nanoTime();
                        boolean ok;
                        try {
                            ok = operation.run();
                        } catch (Exception e) {
                            ok = false;
                        }
                        if (ok) {
                            latencies.add(System.nanoTime() - begin);
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                    return latencies.toArray();
                };
                futures.add(pool.submit(worker));
            }
            List<long[]> results = new ArrayList<>();
            for (Future<long[]> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A growable array of longs. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
