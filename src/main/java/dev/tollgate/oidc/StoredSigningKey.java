package dev.tollgate.oidc;

import java.time.Instant;

/**
 * A signing key as {@link SigningKeyStore} keeps it.
 *
 * @param kid         the key id, also the primary key
 * @param algorithm   the JWS algorithm it signs with, e.g. {@code RS256}
 * @param sealedKey   the private JWK, sealed by {@link KeyEncryption}: never the plain key when a
 *                    deployment key is set
 * @param createdAt   when it was made and published
 * @param activatesAt when it starts signing; it signs until a newer key of its algorithm activates
 */
public record StoredSigningKey(String kid, String algorithm, String sealedKey, Instant createdAt,
                               Instant activatesAt) {

    /** Never the key, even sealed. */
    @Override
    public String toString() {
        return "StoredSigningKey[kid=" + kid + ", algorithm=" + algorithm + ", createdAt=" + createdAt
                + ", activatesAt=" + activatesAt + "]";
    }
}
