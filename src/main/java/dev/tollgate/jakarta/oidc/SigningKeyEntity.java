package dev.tollgate.jakarta.oidc;

import dev.tollgate.oidc.StoredSigningKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signing key every node shares; its private part sealed by {@code KeyEncryption}. */
@Entity
@Table(name = "TOLLGATE_SIGNING_KEY")
public class SigningKeyEntity {

    @Id
    @Column(name = "KID", length = 64)
    private String kid;

    @Column(name = "ALGORITHM", nullable = false, length = 10)
    private String algorithm;

    /** A JWE when a key encryption key is set, else the JWK's JSON. */
    @Column(name = "SEALED_KEY", nullable = false, length = 8000)
    private String sealedKey;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "ACTIVATES_AT", nullable = false)
    private long activatesAt;

    protected SigningKeyEntity() {
    }

    SigningKeyEntity(StoredSigningKey key) {
        this.kid = key.kid();
        this.algorithm = key.algorithm();
        this.sealedKey = key.sealedKey();
        this.createdAt = key.createdAt().toEpochMilli();
        this.activatesAt = key.activatesAt().toEpochMilli();
    }

    StoredSigningKey toStored() {
        return new StoredSigningKey(kid, algorithm, sealedKey, Instant.ofEpochMilli(createdAt),
                Instant.ofEpochMilli(activatesAt));
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "SigningKeyEntity[kid=" + kid + ", algorithm=" + algorithm + "]";
    }
}
