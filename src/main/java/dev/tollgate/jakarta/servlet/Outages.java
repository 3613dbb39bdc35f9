package dev.tollgate.jakarta.servlet;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a failure of the database (down, unreachable, out of connections, shut down) from any other failure, so
 * that the integration answers it 503 with {@code Retry-After} in the protocol's format instead of a 500 page.
 * A request that failed so may have consumed what it used once (a code, a rotated refresh token) before its
 * token could be stored: a retry then gets {@code invalid_grant}, never a token that was not stored.
 */
public final class Outages {

    private static final System.Logger LOG = System.getLogger(Outages.class.getName());
    private static final int MAX_DEPTH = 32;

    private Outages() {
    }

    /**
     * Whether a failure comes from the database being unavailable: among its causes a connection failure
     * (SQLState class 08), insufficient resources (53), operator intervention such as a shutdown (57), a
     * transient or recoverable {@link SQLException}, or the container's connection pool failing to allocate
     * ({@code jakarta.resource}). A query or mapping error is not one: it stays a 500, to be fixed. An outage is
     * logged, as nobody else sees it.
     */
    public static boolean isDatabaseOutage(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (isUnavailable(cause)) {
                LOG.log(Level.WARNING, "The database is unavailable: " + cause);
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailable(Throwable cause) {
        if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                || cause instanceof SQLNonTransientConnectionException
                || cause.getClass().getName().startsWith("jakarta.resource.")) {
            return true;
        }
        String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57"));
    }
}
