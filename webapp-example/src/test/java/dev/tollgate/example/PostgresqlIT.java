package dev.tollgate.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.tollgate.common.Secrets;
import jakarta.json.Json;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
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

    /**
     * The database stops under the server: every endpoint that needs it answers 503 with {@code Retry-After} in
     * its protocol's format, never a 500 page, and nothing is answered that was not stored; once it is back, the
     * same server serves again without a restart.
     */
    @Test
    void aDatabaseOutageIs503WithRetryAfterAndTheServerRecovers() throws Exception {
        URI root = URI.create(base.toString());
        OAuth2Contract oauth2 = new OAuth2Contract(root);
        Tokens before = OAuth2Contract.success(oauth2.token(OAuth2Contract.DEMO_CLIENT, new ClientCredentialsGrant(),
                new Scope("profile")));
        String basic = "Basic " + Base64.getEncoder().encodeToString("demo-client:demo-secret".getBytes());
        Browser bob = Browser.signedIn(root, "bob", "builder");
        PostgresCluster.stop();
        try {
            for (RawHttp.Answer answer : List.of(
                    RawHttp.send(root, "POST", "/oauth2/token", "grant_type=client_credentials&scope=profile",
                            "Authorization", basic, "Content-Type", "application/x-www-form-urlencoded"),
                    RawHttp.send(root, "POST", "/oauth2/introspect", "token=" + before.getAccessToken().getValue(),
                            "Authorization", basic, "Content-Type", "application/x-www-form-urlencoded"),
                    RawHttp.send(root, "GET", "/api/me", null, "Authorization",
                            before.getAccessToken().toAuthorizationHeader()))) {
                assertEquals(503, answer.status(), answer.body());
                assertTrue(answer.headers().contains("retry-after: 5"), answer.headers());
                assertEquals("temporarily_unavailable",
                        Json.createReader(new StringReader(answer.body())).readObject().getString("error"));
            }
            java.net.http.HttpResponse<String> home = bob.get("/"); // lists bob's grants from the database
            assertEquals(503, home.statusCode(), home.body());
            assertEquals("5", home.headers().firstValue("Retry-After").orElse(null));
        } finally {
            PostgresCluster.start();
        }
        Tokens after = null;
        for (int attempt = 0; attempt < 60 && after == null; attempt++) { // the pool reconnects within seconds
            TokenResponse response = oauth2.token(OAuth2Contract.DEMO_CLIENT, new ClientCredentialsGrant(),
                    new Scope("profile"));
            if (response.indicatesSuccess()) {
                after = response.toSuccessResponse().getTokens();
            } else {
                Thread.sleep(500);
            }
        }
        assertNotNull(after, "the server serves again once the database is back");
        assertEquals("demo-client", oauth2.me(after.getAccessToken()).getString("client_id"));
        assertEquals("demo-client", oauth2.me(before.getAccessToken()).getString("client_id"));
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
