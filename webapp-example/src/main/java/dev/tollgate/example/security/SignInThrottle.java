package dev.tollgate.example.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Slows password guessing at the sign-in form and the password grant (OWASP Authentication Cheat Sheet,
 * "Protect against automated attacks"): each failure for an account or from an address makes the next failure's
 * answer wait longer, up to {@link #MAX_DELAY}, and an account checks at most {@link #CONCURRENT_PER_ACCOUNT}
 * passwords at once (a failure waits after its check, holding no permit, so waiting guesses cannot lock the
 * account). At most {@link #MAX_WAITING} failures wait at once server-wide; more are refused, so that slow
 * answers cannot take every request thread. The right password is answered at once whatever came before; a
 * success clears the account's failures.
 */
@ApplicationScoped
public class SignInThrottle {

    /** The delay of the first failure, doubled by each failure after it. */
    static final Duration FIRST_DELAY = Duration.ofMillis(100);
    /** The longest delay. */
    static final Duration MAX_DELAY = Duration.ofSeconds(5);
    /** How long failures are remembered after the last one. */
    static final Duration MEMORY = Duration.ofMinutes(15);
    /** Password checks of one account at the same time; more are refused until one ends. */
    static final int CONCURRENT_PER_ACCOUNT = 2;
    /** Accounts and addresses remembered; the least recently failed are forgotten first. */
    static final int MAX_TRACKED = 10_000;
    /** Failures waiting to be answered at once, server-wide. */
    static final int MAX_WAITING = 32;
    /** The longest username kept as a key: the users table holds no longer one. */
    static final int MAX_USERNAME = 64;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Failures> failures = tracked();
    private final Map<String, Semaphore> checking = new ConcurrentHashMap<>();
    private final Semaphore waiting = new Semaphore(MAX_WAITING);

    /** Failures of one account or address: how many, and when the last was. */
    private record Failures(int count, Instant last) {
    }

    /** A permission to check one password, to be closed when the check is over. */
    public interface Attempt extends AutoCloseable {

        @Override
        void close();
    }

    /**
     * Starts checking a password of {@code username}, or refuses while the account has
     * {@link #CONCURRENT_PER_ACCOUNT} checks under way.
     *
     * @return the attempt, or {@code null} when refused
     */
    public Attempt begin(String username) {
        String account = account(username);
        Semaphore permits = checking.computeIfAbsent(account, name -> new Semaphore(CONCURRENT_PER_ACCOUNT));
        if (!permits.tryAcquire()) {
            return null;
        }
        return () -> {
            permits.release();
            checking.computeIfPresent(account, (name, semaphore) ->
                    semaphore.availablePermits() == CONCURRENT_PER_ACCOUNT ? null : semaphore);
        };
    }

    /** A right password: the account's failures are forgotten. */
    public void succeeded(String username) {
        synchronized (failures) {
            failures.remove(account(username));
        }
    }

    /**
     * A wrong password, once its check is over: counts it, then waits, before the failure is answered, as long as
     * the account's or the address's failures say.
     *
     * @param address the client's address, or {@code null} when unknown (the password grant)
     * @return {@code false} when too many failures wait already: answer at once with a refusal to retry later
     */
    public boolean failed(String username, String address) throws InterruptedException {
        String account = account(username);
        Duration delay = delay(Math.max(count(account), address == null ? 0 : count("address " + address)) + 1);
        record(account);
        if (address != null) {
            record("address " + address);
        }
        if (!waiting.tryAcquire()) {
            return false;
        }
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } finally {
            waiting.release();
        }
    }

    static Duration delay(int failure) {
        long millis = FIRST_DELAY.toMillis() << Math.min(failure - 1, 16);
        return Duration.ofMillis(Math.min(millis, MAX_DELAY.toMillis()));
    }

    private int count(String key) {
        synchronized (failures) {
            Failures known = failures.get(key);
            return known == null || known.last().plus(MEMORY).isBefore(clock.instant()) ? 0 : known.count();
        }
    }

    private void record(String key) {
        synchronized (failures) {
            failures.put(key, new Failures(count(key) + 1, clock.instant()));
        }
    }

    private static String account(String username) {
        String name = username.length() > MAX_USERNAME ? username.substring(0, MAX_USERNAME) : username;
        return "account " + name.toLowerCase(Locale.ROOT);
    }

    private static Map<String, Failures> tracked() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }
}
