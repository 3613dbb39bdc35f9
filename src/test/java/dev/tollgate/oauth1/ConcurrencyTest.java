package dev.tollgate.oauth1;

import static dev.tollgate.oauth1.OAuth1Fixture.AUTHORIZE_TOKEN;
import static dev.tollgate.oauth1.OAuth1Fixture.CALLBACK_A;
import static dev.tollgate.oauth1.OAuth1Fixture.CLIENT_A;
import static dev.tollgate.oauth1.OAuth1Fixture.INITIATE;
import static dev.tollgate.oauth1.OAuth1Fixture.SECRET_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Races: one verifier exchanged by many, one signed request replayed by many. */
class ConcurrencyTest {

    private static final int THREADS = 32;

    private final OAuth1Fixture fixture = new OAuth1Fixture();

    /** Runs the tasks at once behind a start gate; answers how many returned {@code true}. */
    private static int race(List<Callable<Boolean>> tasks) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (Callable<Boolean> task : tasks) {
                results.add(executor.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.call();
                }));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            start.countDown();
            int successes = 0;
            for (Future<Boolean> result : results) {
                if (result.get(30, TimeUnit.SECONDS)) {
                    successes++;
                }
            }
            return successes;
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void oneVerifierYieldsExactlyOneTokenCredential() throws Exception {
        Map<String, String> temporary = fixture.server.createTemporaryCredentialResponse(
                fixture.request("POST", INITIATE, CLIENT_A).oauth(OAuthParameters.CALLBACK, CALLBACK_A)
                        .signHmac(SECRET_A, null)).formParameters();
        String location = fixture.server.createAuthorizationResponse(temporary.get("oauth_token"), "alice")
                .location().orElseThrow();
        String verifier = location.substring(location.indexOf("oauth_verifier=") + "oauth_verifier=".length());
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            OAuth1Request request = fixture.request("POST", AUTHORIZE_TOKEN, CLIENT_A)
                    .oauth(OAuthParameters.TOKEN, temporary.get("oauth_token")).oauth(OAuthParameters.VERIFIER, verifier)
                    .signHmac(SECRET_A, temporary.get("oauth_token_secret"));
            tasks.add(() -> {
                OAuth1Response response = fixture.server.createTokenResponse(request);
                assertTrue(response.status() == 200 || "invalid_token".equals(response.formParameters().get("error")),
                        response.body());
                return response.status() == 200;
            });
        }
        assertEquals(1, race(tasks));
        assertEquals(1, fixture.tokenCredentials.size());
        assertEquals(0, fixture.temporaryCredentials.size());
    }

    @Test
    void oneSignedRequestIsAcceptedExactlyOnce() throws Exception {
        fixture.tokenForA();
        OAuth1Request request = fixture.resourceRequestA().signHmac(SECRET_A, "token-secret-a");
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tasks.add(() -> {
                try {
                    fixture.protector.validateRequest(request);
                    return true;
                } catch (InvalidNonceError replay) {
                    return false;
                }
            });
        }
        assertEquals(1, race(tasks));
        assertEquals(1, fixture.nonces.size());
    }
}
