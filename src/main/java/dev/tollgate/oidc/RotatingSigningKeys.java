package dev.tollgate.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.tollgate.common.Secrets;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Signing keys kept in a {@link SigningKeyStore} that every node shares, made on first use and rotated without
 * downtime: {@link #rotate()} publishes a new key per algorithm that signs only after
 * {@link KeySettings#activationDelay()}; the key it replaces stays published for {@link KeySettings#retention()}
 * and is then deleted. Each node reads the store again every {@link KeySettings#reloadInterval()}, so it
 * publishes keys another node made in time. Safe for concurrent use.
 */
public final class RotatingSigningKeys implements SigningKeys {

    private static final System.Logger LOG = System.getLogger(RotatingSigningKeys.class.getName());

    private final KeySettings settings;
    private final SigningKeyStore store;
    private final KeyEncryption encryption;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public RotatingSigningKeys(KeySettings settings, SigningKeyStore store, KeyEncryption encryption, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.encryption = encryption;
        this.clock = clock;
    }

    @Override
    public List<JWSAlgorithm> algorithms() {
        return settings.algorithms();
    }

    @Override
    public JWK signingKey(JWSAlgorithm algorithm) {
        if (!settings.algorithms().contains(algorithm)) {
            throw new IllegalArgumentException("Not offered: " + algorithm);
        }
        Instant now = clock.instant();
        Optional<Key> signer = current(now).signer(algorithm, now);
        if (signer.isEmpty()) {
            signer = firstKey(algorithm, now);
        }
        return signer.orElseThrow().jwk();
    }

    // The first key of an algorithm signs at once: no relying party can have cached a set without it.
    private synchronized Optional<Key> firstKey(JWSAlgorithm algorithm, Instant now) {
        Optional<Key> signer = reload(now).signer(algorithm, now);
        if (signer.isEmpty()) {
            store.save(newKey(algorithm, now, now));
            signer = reload(now).signer(algorithm, now);
        }
        return signer;
    }

    @Override
    public JWKSet publicKeys() {
        Instant now = clock.instant();
        List<JWK> published = current(now).published(now, settings.retention()).stream()
                .map(Key::publicJwk)
                .toList();
        return new JWKSet(published);
    }

    @Override
    public Duration jwkSetMaxAge() {
        return settings.jwkSetMaxAge();
    }

    /**
     * Publishes a new key for each algorithm, which signs after the activation delay, and deletes the keys
     * that nothing can be presented with any more. For a scheduled task, or an application that rotates on
     * demand (after a suspected leak, rotate and shorten the delay).
     */
    public synchronized void rotate() {
        Instant now = clock.instant();
        for (JWSAlgorithm algorithm : settings.algorithms()) {
            store.save(newKey(algorithm, now, now.plus(settings.activationDelay())));
        }
        deleteExpired(reload(now), now);
        LOG.log(Level.INFO, "Signing keys rotated: new keys sign from {0}", now.plus(settings.activationDelay()));
    }

    /** Rotates when the newest key is older than the rotation period; what the scheduled task calls. */
    public synchronized boolean rotateIfDue() {
        Instant now = clock.instant();
        Snapshot fresh = reload(now);
        boolean due = settings.algorithms().stream().anyMatch(algorithm -> fresh.newest(algorithm)
                .map(key -> !now.isBefore(key.stored().createdAt().plus(settings.rotationPeriod())))
                .orElse(false));
        if (due) {
            rotate();
        }
        return due;
    }

    private void deleteExpired(Snapshot keys, Instant now) {
        List<Key> published = keys.published(now, settings.retention());
        for (Key key : keys.keys()) {
            if (!published.contains(key)) {
                store.delete(key.stored().kid());
            }
        }
    }

    private StoredSigningKey newKey(JWSAlgorithm algorithm, Instant now, Instant activatesAt) {
        String kid = Secrets.randomToken(12);
        JWK jwk = SigningAlgorithms.generate(algorithm, kid, Date.from(now));
        return new StoredSigningKey(kid, algorithm.getName(), encryption.seal(jwk), now, activatesAt);
    }

    private Snapshot current(Instant now) {
        Snapshot keys = snapshot;
        return isFresh(keys, now) ? keys : refresh(now);
    }

    // one thread reads the store; those that waited for it use what it read
    private synchronized Snapshot refresh(Instant now) {
        Snapshot keys = snapshot;
        return isFresh(keys, now) ? keys : reload(now);
    }

    private boolean isFresh(Snapshot keys, Instant now) {
        return keys != null && now.isBefore(keys.loadedAt().plus(settings.reloadInterval()));
    }

    private synchronized Snapshot reload(Instant now) {
        List<Key> keys = new ArrayList<>();
        for (StoredSigningKey stored : store.findAll()) {
            JWK jwk = encryption.open(stored.kid(), stored.sealedKey());
            keys.add(new Key(stored, jwk, jwk.toPublicJWK())); // made once a reload, not on every verification
        }
        snapshot = new Snapshot(keys, now);
        return snapshot;
    }

    private record Key(StoredSigningKey stored, JWK jwk, JWK publicJwk) {

        boolean signs(JWSAlgorithm algorithm) {
            return stored.algorithm().equals(algorithm.getName());
        }
    }

    private record Snapshot(List<Key> keys, Instant loadedAt) {

        // the most recently activated key; ties (two nodes' first keys) broken by kid, the same on every node
        private static final Comparator<Key> BY_ACTIVATION = Comparator
                .comparing((Key key) -> key.stored().activatesAt())
                .thenComparing(key -> key.stored().kid());

        Optional<Key> signer(JWSAlgorithm algorithm, Instant now) {
            return keys.stream()
                    .filter(key -> key.signs(algorithm) && !key.stored().activatesAt().isAfter(now))
                    .max(BY_ACTIVATION);
        }

        Optional<Key> newest(JWSAlgorithm algorithm) {
            return keys.stream().filter(key -> key.signs(algorithm))
                    .max(Comparator.comparing(key -> key.stored().createdAt()));
        }

        // A key stays published until the key that replaced it has signed for the retention period.
        List<Key> published(Instant now, Duration retention) {
            return keys.stream().filter(key -> keys.stream().noneMatch(newer -> newer.signs(
                            JWSAlgorithm.parse(key.stored().algorithm()))
                    && BY_ACTIVATION.compare(newer, key) > 0
                    && !newer.stored().activatesAt().plus(retention).isAfter(now)))
                    .toList();
        }
    }
}
