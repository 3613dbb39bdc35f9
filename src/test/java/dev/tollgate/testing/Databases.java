package dev.tollgate.testing;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/** Resource-local persistence units for the unit tier (H2 in memory) and the PostgreSQL tier. */
public final class Databases {

    /** Set by {@code .ci/run} (see {@code .ci/postgres.sh}); unset, the PostgreSQL tier is skipped, loudly. */
    public static final String PG_URL_VARIABLE = "TOLLGATE_TEST_PG_URL";

    private Databases() {
    }

    /** A fresh, private in-memory H2 database with the unit's schema. */
    public static EntityManagerFactory h2(String unit) {
        return create(unit, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** The PostgreSQL database that CI started, schema dropped and created; skips the test when there is none. */
    public static EntityManagerFactory postgres(String unit) {
        String url = System.getenv(PG_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            String message = "POSTGRESQL TIER SKIPPED: " + PG_URL_VARIABLE + " is not set (.ci/run sets it)";
            System.err.println("\n*** " + message + " ***\n");
            Assumptions.abort(message);
        }
        return create(unit, url, "tollgate", "tollgate");
    }

    private static EntityManagerFactory create(String unit, String url, String user, String password) {
        return Persistence.createEntityManagerFactory(unit, Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password,
                "jakarta.persistence.schema-generation.database.action", "drop-and-create",
                "eclipselink.logging.level", "WARNING"));
    }
}
