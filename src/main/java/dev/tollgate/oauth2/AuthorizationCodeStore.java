package dev.tollgate.oauth2;

import java.util.List;
import java.util.Optional;

/** Where authorization codes wait to be redeemed, keyed by the SHA-256 hash of the code. */
public interface AuthorizationCodeStore {

    void save(AuthorizationCode code);

    /**
     * Removes a code and returns it, atomically: of concurrent calls for the same hash at most one gets
     * the code (RFC 6749 §4.1.2: a code is used once). In JPA: find it, then
     * {@code DELETE … WHERE codeHash = :h} and return it only if one row was deleted.
     * Expired codes may be returned; the server checks expiry.
     */
    Optional<AuthorizationCode> take(String codeHash);

    /**
     * Removes every unredeemed code a resource owner granted to a client.
     *
     * @return the hashes of the codes removed
     */
    List<String> removeAll(String subject, String clientId);
}
