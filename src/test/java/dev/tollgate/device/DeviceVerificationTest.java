package dev.tollgate.device;

import static dev.tollgate.device.DeviceFixture.TV;
import static dev.tollgate.device.DeviceVerification.Outcome.NOT_FOUND;
import static dev.tollgate.device.DeviceVerification.Outcome.OK;
import static dev.tollgate.device.DeviceVerification.Outcome.TOO_MANY_ATTEMPTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tollgate.common.Secrets;
import dev.tollgate.oauth2.ResourceOwner;
import dev.tollgate.testing.Concurrently;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The verification page's calls (RFC 8628 §3.3) and the limit on wrong user codes (§5.1). */
class DeviceVerificationTest {

    private static final ResourceOwner ALICE = ResourceOwner.of("alice");

    private final DeviceFixture f = new DeviceFixture();
    private final String userCode = f.authorized().getString("user_code");
    private final Visitor browser = new Visitor("session-1", "192.0.2.1");

    @Test
    void aCodeIsFoundInAnyCaseWithOrWithoutItsHyphen() {
        String bare = userCode.replace("-", "");
        for (String entered : List.of(userCode, userCode.toLowerCase(Locale.ROOT), bare, " " + bare + " ",
                bare.substring(0, 4) + " " + bare.substring(4), bare.substring(0, 2) + "-" + bare.substring(2))) {
            DeviceVerification.Lookup lookup = f.verification.lookup(entered, browser);
            assertEquals(OK, lookup.outcome(), entered);
            assertEquals(userCode, lookup.request().userCode());
            assertEquals(TV, lookup.request().client().getClientId());
            assertEquals(Set.of("profile"), lookup.request().scope());
        }
        assertEquals(0, f.failures.counts.size());
    }

    @Test
    void wrongCodesAreNotFoundAndCounted() {
        for (String entered : new String[] {"BCDF-GHJK", "AEIO-UAEI", "1234-5678", "", "x".repeat(10_000), null,
                userCode + "B", userCode.substring(0, 5)}) {
            DeviceVerification.Lookup lookup = f.verification.lookup(entered, new Visitor("s-" + entered, null));
            assertEquals(NOT_FOUND, lookup.outcome(), entered);
            assertNull(lookup.request());
        }
        assertEquals(8, f.failures.counts.size());
        f.failures.counts.keySet().forEach(key -> assertFalse(key.contains("s-BCDF"), key)); // hashed
    }

    @Test
    void aSessionIsRefusedAfterFiveWrongCodesAndANewSessionStartsAfresh() {
        for (int i = 0; i < 5; i++) {
            assertEquals(NOT_FOUND, f.verification.lookup("BCDF-GHJK", browser).outcome());
        }
        assertEquals(TOO_MANY_ATTEMPTS, f.verification.lookup(userCode, browser).outcome());
        assertEquals(TOO_MANY_ATTEMPTS, f.verification.approve(userCode, ALICE, browser));
        assertEquals(TOO_MANY_ATTEMPTS, f.verification.deny(userCode, browser));
        assertEquals(OK, f.verification.lookup(userCode, new Visitor("session-2", "192.0.2.1")).outcome());
    }

    @Test
    void anAddressIsRefusedAfterItsLimitWhateverTheSession() {
        DeviceFixture strict = new DeviceFixture(new DeviceSettings(Duration.ofMinutes(10), Duration.ofSeconds(5),
                8, "/device", 2, 3, Duration.ofMinutes(15)));
        String code = strict.authorized().getString("user_code");
        strict.verification.lookup("BCDF-GHJK", new Visitor("a", "192.0.2.1"));
        strict.verification.lookup("BCDF-GHJK", new Visitor("a", "192.0.2.1"));
        strict.verification.lookup("BCDF-GHJK", new Visitor("b", "192.0.2.1"));
        assertEquals(TOO_MANY_ATTEMPTS, strict.verification.lookup(code, new Visitor("c", "192.0.2.1")).outcome());
        assertEquals(OK, strict.verification.lookup(code, new Visitor("c", "192.0.2.2")).outcome());
        assertEquals(OK, strict.verification.lookup(code, new Visitor("d", null)).outcome());
    }

    @Test
    void wrongCodesAtTheDecisionCountToo() {
        for (int i = 0; i < 5; i++) {
            assertEquals(NOT_FOUND, f.verification.approve("BCDF-GHJK", ALICE, browser));
        }
        assertEquals(TOO_MANY_ATTEMPTS, f.verification.approve(userCode, ALICE, browser));
    }

    @Test
    void theDecisionIsTakenOnce() {
        assertEquals(OK, f.verification.approve(userCode, ALICE, browser));
        assertEquals(NOT_FOUND, f.verification.deny(userCode, browser));
        assertEquals(NOT_FOUND, f.verification.approve(userCode, ResourceOwner.of("bob"), browser));
        assertEquals(NOT_FOUND, f.verification.lookup(userCode, browser).outcome());
        DeviceAuthorization stored = f.store.findByUserCode(Secrets.sha256(UserCode.normalize(userCode)))
                .orElseThrow();
        assertEquals(DeviceAuthorization.Status.APPROVED, stored.status());
        assertEquals("alice", stored.owner().subject());
        assertEquals(0, f.failures.counts.size()); // a known code, decided, is no guess
    }

    @Test
    void concurrentDecisionsOneWins() throws Exception {
        List<DeviceVerification.Outcome> outcomes = Concurrently.run(8, () -> Math.random() < 0.5
                ? f.verification.approve(userCode, ALICE, browser) : f.verification.deny(userCode, browser));
        assertEquals(1, outcomes.stream().filter(OK::equals).count(), outcomes.toString());
    }

    @Test
    void aDecisionAfterAPollStillLands() {
        DeviceFixture racing = new DeviceFixture(DeviceSettings.DEFAULT, store -> new DeviceFixture.Delegating(store) {
            private boolean first = true;

            @Override
            public boolean replace(DeviceAuthorization current, DeviceAuthorization next) {
                if (first) { // a poll slips in between the lookup and the swap
                    first = false;
                    super.replace(current, current.poll(current.expiresAt().minusSeconds(1)));
                }
                return super.replace(current, next);
            }
        });
        String racingCode = racing.authorized().getString("user_code");
        assertEquals(OK, racing.verification.approve(racingCode, ALICE, browser));
        assertEquals(DeviceAuthorization.Status.APPROVED, racing.store.findByUserCode(
                Secrets.sha256(UserCode.normalize(racingCode))).orElseThrow().status());
    }

    @Test
    void anExpiredCodeIsNotFoundButNotCounted() {
        f.clock.advance(Duration.ofMinutes(10));
        assertEquals(NOT_FOUND, f.verification.lookup(userCode, browser).outcome());
        assertEquals(NOT_FOUND, f.verification.approve(userCode, ALICE, browser));
        assertEquals(0, f.failures.counts.size());
    }

    @Test
    void theVisitorShowsNothing() {
        assertEquals("Visitor[]", browser.toString());
    }
}
