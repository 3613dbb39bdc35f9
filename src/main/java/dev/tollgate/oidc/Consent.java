package dev.tollgate.oidc;

import dev.tollgate.common.Identifiers;
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
        if (!Identifiers.hasNoControlCharacter(subject) || !Identifiers.hasNoControlCharacter(clientId)) {
            throw new IllegalArgumentException("A subject or client id with a control character"); // keys are joined by one
        }
        scope = Set.copyOf(scope);
    }

    /** Whether it covers a requested scope. */
    public boolean covers(Set<String> requested) {
        return scope.containsAll(requested);
    }
}
