package dev.tollgate.oidc;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A resource owner's remembered decision to grant a client a scope, so that they are not asked again and
 * {@code prompt=none} can succeed (Core §3.1.2.1).
 *
 * @param subject   the local subject
 * @param clientId  the client
 * @param scope     every scope granted to it so far
 * @param grantedAt when it was last given
 */
public record Consent(String subject, String clientId, Set<String> scope, Instant grantedAt) {

    public Consent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        scope = Set.copyOf(scope);
    }

    /** Whether it covers a requested scope. */
    public boolean covers(Set<String> requested) {
        return scope.containsAll(requested);
    }
}
