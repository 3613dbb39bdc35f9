package dev.tollgate.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.tollgate.common.Secrets;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example WAR with its default datasource pointed at a real PostgreSQL server, as the README shows
 * ({@code src/main/payara/postgresql.asadmin}): sign-in, tokens and resources work, and the rows are in
 * PostgreSQL.
 */
@ExtendWith(PostgresqlAvailable.class)
@ExtendWith(ArquillianExtension.class)
class PostgresqlIT {

    @Deployment(testable = false)
    static WebArchive example() {
        return ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("example.war"))));
    }

    @ArquillianResource
    URL base;

    @Test
    void tokensAndUsersLiveInPostgresql() throws Exception {
        URI root = URI.create(base.toString());
        Browser.signedIn(root, "alice", "wonderland");
        OAuth2Contract oauth2 = new OAuth2Contract(root);
        Tokens tokens = OAuth2Contract.success(oauth2.token(OAuth2Contract.DEMO_CLIENT, new ClientCredentialsGrant(),
                new Scope("profile")));
        assertEquals("demo-client", oauth2.me(tokens.getAccessToken()).getString("client_id"));

        try (Connection db = DriverManager.getConnection(System.getProperty("example.pg.url"), "tollgate", "tollgate")) {
            assertEquals(1, count(db, "SELECT COUNT(*) FROM TOLLGATE_OAUTH2_TOKEN WHERE ACCESS_TOKEN_HASH = ?",
                    Secrets.sha256(tokens.getAccessToken().getValue())));
            assertEquals(1, count(db, "SELECT COUNT(*) FROM EXAMPLE_USER WHERE USERNAME = ?", "alice"));
            assertTrue(count(db, "SELECT COUNT(*) FROM TOLLGATE_OAUTH2_CLIENT WHERE CLIENT_ID = ?", "demo-client") == 1);
        }
    }

    private static int count(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
