package dev.tollgate.jakarta.servlet;

import java.sql.SQLException;

/**
 * Tells a failure of the database (it is down, unreachable or refusing connections) from any other failure, so
 * that the integration answers it 503 with {@code Retry-After} in the protocol's format instead of a 500 page.
 */
public final class Outages {

    private Outages() {
    }

    /**
     * Whether a failure comes from the database: a {@link SQLException}, or a JPA or JTA failure, anywhere in its
     * causes. Nothing was stored by the failed request, so the client may simply retry.
     */
    public static boolean isDatabaseOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String type = cause.getClass().getName();
            if (cause instanceof SQLException || type.startsWith("jakarta.persistence.")
                    || type.startsWith("jakarta.transaction.") || type.startsWith("org.eclipse.persistence.exceptions.")
                    || type.startsWith("org.hibernate.exception.")) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
