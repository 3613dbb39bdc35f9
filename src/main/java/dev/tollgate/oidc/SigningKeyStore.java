package dev.tollgate.oidc;

import java.util.List;

/** Where signing keys live, shared by every node of a cluster (a database table). */
public interface SigningKeyStore {

    /** Every stored key. */
    List<StoredSigningKey> findAll();

    /** Stores a new key. */
    void save(StoredSigningKey key);

    /** Removes a key that nothing it signed can still be presented with. */
    void delete(String kid);
}
