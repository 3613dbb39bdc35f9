package dev.tollgate.jakarta.oidc;

import dev.tollgate.oidc.KeyEncryption;
import dev.tollgate.oidc.KeySettings;
import dev.tollgate.oidc.RotatingSigningKeys;
import dev.tollgate.oidc.SigningKeyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Produces the signing keys: kept in the database ({@link JpaSigningKeyStore}) and rotated by
 * {@link KeyRotationSchedule}. To sign with keys from a PKCS#12 file, produce a
 * {@link dev.tollgate.oidc.KeyStoreSigningKeys} as an {@code @Alternative} {@link dev.tollgate.oidc.SigningKeys}.
 */
@ApplicationScoped
public class SigningKeysProducer {

    @Inject
    KeySettings settings;
    @Inject
    SigningKeyStore store;
    @Inject
    KeyEncryption encryption;
    @Inject
    Clock clock;

    @Produces
    @Singleton
    public RotatingSigningKeys signingKeys() {
        return new RotatingSigningKeys(settings, store, encryption, clock);
    }
}
