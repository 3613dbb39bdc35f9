package dev.tollgate.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Stops and starts the Debian PostgreSQL cluster that {@code .ci/postgres.sh} started (as root, in CI). */
final class PostgresCluster {

    private PostgresCluster() {
    }

    static void stop() throws Exception {
        control("stop", "-m", "fast");
    }

    static void start() throws Exception {
        control("start");
    }

    private static void control(String action, String... options) throws Exception {
        String[] cluster = run("pg_lsclusters", "-h").trim().split("\\s+");
        String[] command = new String[3 + options.length];
        command[0] = "pg_ctlcluster";
        command[1] = cluster[0];
        command[2] = cluster[1];
        String[] full = new String[command.length + 1];
        System.arraycopy(command, 0, full, 0, 3);
        full[3] = action;
        System.arraycopy(options, 0, full, 4, options.length);
        run(full);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
        return output;
    }
}
