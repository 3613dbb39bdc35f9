package dev.tollgate.benchmarks.http;

import dev.tollgate.common.Secrets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collections;

/**
 * Fills the example's token table to a given size, straight through JDBC: the example's H2 file runs in
 * {@code AUTO_SERVER} mode, so this process can write to it while the server runs. The rows are live,
 * unrevoked tokens of other users; their ids start far above the application's sequence.
 * A benchmark tool, not a store: the application never sees this class.
 */
final class TokenTable {

    private final String url;

    TokenTable(String url) {
        this.url = url;
    }

    long count() throws Exception {
        return query("SELECT COUNT(*) FROM TOLLGATE_OAUTH2_TOKEN");
    }

    private long query(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(url, "", "");
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Deletes every token but the given ones, so that a run starts from a known size. */
    void keepOnly(String... accessTokens) throws Exception {
        String placeholders = String.join(", ", Collections.nCopies(accessTokens.length, "?"));
        try (Connection db = DriverManager.getConnection(url, "", "");
                PreparedStatement delete = db.prepareStatement(
                        "DELETE FROM TOLLGATE_OAUTH2_TOKEN WHERE ACCESS_TOKEN_HASH NOT IN (" + placeholders + ")")) {
            for (int i = 0; i < accessTokens.length; i++) {
                delete.setString(i + 1, Secrets.sha256(accessTokens[i]));
            }
            delete.executeUpdate();
        }
    }

    /** Inserts tokens until the table holds {@code target} rows. */
    void fillTo(long target) throws Exception {
        long missing = target - count();
        long firstId = Math.max(100_000_000L, query("SELECT COALESCE(MAX(ID), 0) FROM TOLLGATE_OAUTH2_TOKEN") + 1);
        long now = System.currentTimeMillis();
        try (Connection db = DriverManager.getConnection(url, "", "")) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO TOLLGATE_OAUTH2_TOKEN (ID, ACCESS_TOKEN_HASH,"
                    + " CLIENT_ID, USERNAME, SCOPE, GRANT_ID, ISSUED_AT, EXPIRES_AT, REVOKED)"
                    + " VALUES (?, ?, 'demo-client', ?, 'profile', ?, ?, ?, FALSE)")) {
                for (long i = 0; i < missing; i++) {
                    long id = firstId + i;
                    insert.setLong(1, id);
                    insert.setString(2, Secrets.sha256("filler-" + id));
                    insert.setString(3, "user-" + (id % 10_000));
                    insert.setString(4, "grant-" + id);
                    insert.setLong(5, now);
                    insert.setLong(6, now + 86_400_000L);
                    insert.addBatch();
                    if (i % 10_000 == 9_999) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
        }
    }
}
