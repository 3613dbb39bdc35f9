package dev.tollgate.oauth2;

import java.util.List;
import java.util.Optional;

/**
 * Where authorization codes are, keyed by the SHA-256 hash of the code. A redeemed code stays until it
 * expires, marked used, so that a second use is told from an unknown code and revokes what the first issued
 * (RFC 6749 §4.1.2), even when the second use comes before the first has stored its token.
 */
public interface AuthorizationCodeStore {

    /**
     * What redeeming a code found.
     *
     * @param code     the code
     * @param firstUse whether this call used it; {@code false} for a code used before (a replay)
     */
    record Redemption(AuthorizationCode code, boolean firstUse) {
    }

    void save(AuthorizationCode code);

    /**
     * Marks a code used and returns it, atomically: of concurrent calls for the same hash at most one gets
     * {@code firstUse}. In JPA: find it (a read; nothing more for an unknown code), then
     * {@code UPDATE … SET used = true WHERE codeHash = :h AND used = false}, the first use only if one row
     * changed. Expired codes may be returned; the server checks expiry.
     *
     * @return empty for an unknown code
     */
    Optional<Redemption> redeem(String codeHash);

    /** Marks a used code replayed, so that its first use, still issuing, revokes what it issued. */
    void markReplayed(String codeHash);

    /** Whether a code was marked replayed. */
    boolean isReplayed(String codeHash);

    /**
     * Marks every code a resource owner granted to a client used and replayed: none can be redeemed, and one
     * being redeemed now revokes what it issues.
     *
     * @return the hashes of the codes that were not yet redeemed
     */
    List<String> revokeAll(String subject, String clientId);
}
