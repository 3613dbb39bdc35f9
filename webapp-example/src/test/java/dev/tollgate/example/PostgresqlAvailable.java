package dev.tollgate.example;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when {@code .ci/run} (through {@code .ci/postgres.sh}) has started PostgreSQL and
 * said so in {@code TOLLGATE_TEST_PG_URL}; otherwise skips it, loudly, before any server is started.
 */
final class PostgresqlAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String url = System.getenv("TOLLGATE_TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + url);
        }
        String message = "POSTGRESQL TIER SKIPPED: TOLLGATE_TEST_PG_URL is not set (.ci/run sets it)";
        System.err.println("\n*** " + message + " ***\n");
        return ConditionEvaluationResult.disabled(message);
    }
}
